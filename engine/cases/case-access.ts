import type { CaseHead } from '../records';
import { mayAct } from '../tasks';
import { actorKeys } from '../users/audience-keys';
import { hasRole, type Actor } from '../users/actor';

/**
 * Who may read a case: supervisors and admins all; an applicant their own; whoever it was
 * copied to; staff (clerks, leaders) the cases their department held a step of, or that wait on them.
 */
export function mayReadCase(actor: Actor, record: CaseHead): boolean {
  if (hasRole(actor, 'supervisor', 'admin')) return true;
  if (record.applicant === actor.username) return true;
  const copied = record.copiedTo ?? { users: [], groups: [] };
  if (copied.users.includes(actor.username) || copied.groups.some((group) => actor.groups.includes(group))) return true;
  if (!hasRole(actor, 'clerk', 'leader')) return false;
  if (actor.department && record.departments.includes(actor.department)) return true;
  return record.openTasks.some((task) => mayAct(task, actor));
}

/**
 * The filter of a case list: an applicant's own cases, or the ones copied to the actor, to them
 * by name or to one of their groups (the head's copyKeys, so one index serves both).
 */
export function caseListFilter(actor: Actor, scope: 'mine' | 'copied'): Record<string, unknown> {
  return scope === 'mine' ? { applicant: actor.username } : { copyKeys: { $in: actorKeys(actor) } };
}
