import { hasTemplate } from '../expressions';
import type { ProblemDetail } from '../errors';
import type { StepCatalogue, UserTaskSpec } from '../records';

/** What deploy asks the directory: which of these users exist, which of these groups someone holds. */
export interface ActorLookup {
  existingUsers(usernames: string[]): Promise<Set<string>>;
  heldGroups(groups: string[]): Promise<Set<string>>;
}

const groupForm = /^[^@\s]+@[^@\s]+$/;

/**
 * A warning per user task of the model nobody in the directory could act on: every group it
 * names is held by nobody (or is not `role@department`) and every user it names does not exist.
 * Actors given by an expression are known only when the case runs and count as someone.
 */
export async function unstaffedTaskWarnings(catalogue: StepCatalogue, lookup: ActorLookup): Promise<ProblemDetail[]> {
  const tasks = Object.values(catalogue.userTasks);
  const named = tasks.map(namedActors);
  const users = await lookup.existingUsers([...new Set(named.flatMap((actors) => actors.users))]);
  const groups = await lookup.heldGroups([...new Set(named.flatMap((actors) => actors.groups))].filter((group) => groupForm.test(group)));
  const warnings: ProblemDetail[] = [];
  tasks.forEach((task, index) => {
    const actors = named[index];
    if (actors.dynamic || actors.users.some((user) => users.has(user)) || actors.groups.some((group) => groups.has(group))) return;
    const reasons = [...actors.groups.map((group) => (groupForm.test(group) ? `nobody holds the group ${group}` : `"${group}" is not a group of the form role@department`)), ...actors.users.map((user) => `there is no user ${user}`)];
    warnings.push({ path: task.id, message: `nobody can act on "${task.name}" now: ${reasons.join('; ')}. Add users to the directory or name a group someone holds` });
  });
  return warnings;
}

interface NamedActors {
  users: string[];
  groups: string[];
  /** Some actor is an expression, resolved per case. */
  dynamic: boolean;
}

function namedActors(task: UserTaskSpec): NamedActors {
  const signers = task.countersign?.signers ?? [];
  const all = [task.assignee ?? '', ...task.candidateUsers, ...task.candidateGroups, ...signers].filter(Boolean);
  const fixed = (items: string[]) => items.filter((item) => !hasTemplate(item) && !item.startsWith('='));
  return {
    users: fixed([task.assignee ?? '', ...task.candidateUsers, ...signers.filter((signer) => !signer.includes('@'))].filter(Boolean)),
    groups: fixed([...task.candidateGroups, ...signers.filter((signer) => signer.includes('@'))]),
    dynamic: all.length === 0 || all.some((item) => hasTemplate(item) || item.startsWith('=')),
  };
}
