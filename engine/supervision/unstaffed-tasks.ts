import type { ActorLookup } from '../definitions/actor-check';
import { hasTemplate } from '../expressions';
import type { Models } from '../store/models';
import type { DefinitionRecord, TaskRecord } from '../records';
import { peopleKeys } from '../users/audience-keys';

type Listed = 'caseId' | 'caseTitle' | 'receiptNo' | 'processKey' | 'stepId' | 'name' | 'assignee' | 'candidateUsers' | 'candidateGroups' | 'createdAt';

/** An open task nobody in the directory can act on now, as the supervision office lists it: who it names, none of whom exists or holds the group. */
export type UnstaffedTask = Pick<TaskRecord, Listed> & { taskId: string };

type OpenTask = Pick<TaskRecord, '_id' | Listed>;

/**
 * Open tasks nobody can act on — their groups held by nobody, their users gone — found without
 * reading every open task: the users and groups the deployed models name (few) are checked
 * against the directory, open tasks are looked up by the keys nobody holds (indexed `holder`
 * and `queue`), and each is checked once more with all it names. Actors a model gives by an
 * expression are known per case only; a task whose resolved actor does not exist is found when
 * the model also names that actor, not otherwise.
 */
export async function unstaffedTasks(models: Models, directory: ActorLookup): Promise<UnstaffedTask[]> {
  const named = await namedInModels(models);
  const [users, groups] = await Promise.all([directory.existingUsers(named.users), directory.heldGroups(named.groups)]);
  const goneUsers = named.users.filter((user) => !users.has(user));
  const emptyGroups = named.groups.filter((group) => !groups.has(group));
  if (goneUsers.length === 0 && emptyGroups.length === 0) return [];
  const projection = { caseId: 1, caseTitle: 1, receiptNo: 1, processKey: 1, stepId: 1, name: 1, assignee: 1, candidateUsers: 1, candidateGroups: 1, createdAt: 1 };
  const [held, queued] = await Promise.all([
    goneUsers.length > 0 ? models.tasks.find({ holder: { $in: goneUsers } }, projection).lean<OpenTask[]>() : [],
    models.tasks.find({ queue: { $in: peopleKeys(goneUsers, emptyGroups) } }, projection).lean<OpenTask[]>(),
  ]);
  const candidates = [...new Map([...held, ...queued].map((task) => [task._id, task])).values()];
  const unstaffed = await nobodyCanAct(candidates, directory);
  return unstaffed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(view);
}

async function namedInModels(models: Models): Promise<{ users: string[]; groups: string[] }> {
  const definitions = await models.definitions.find({}, { catalogue: 1 }).lean<Array<Pick<DefinitionRecord, 'catalogue'>>>();
  const users = new Set<string>();
  const groups = new Set<string>();
  for (const task of definitions.flatMap((definition) => Object.values(definition.catalogue.userTasks))) {
    for (const user of [task.assignee ?? '', ...task.candidateUsers]) if (user && !hasTemplate(user)) users.add(user);
    for (const group of task.candidateGroups) if (!hasTemplate(group)) groups.add(group);
  }
  return { users: [...users], groups: [...groups] };
}

async function nobodyCanAct(tasks: OpenTask[], directory: ActorLookup): Promise<OpenTask[]> {
  const users = [...new Set(tasks.flatMap((task) => (task.assignee ? [task.assignee] : task.candidateUsers)))];
  const groups = [...new Set(tasks.flatMap((task) => (task.assignee ? [] : task.candidateGroups)))];
  const [existing, held] = await Promise.all([directory.existingUsers(users), directory.heldGroups(groups)]);
  return tasks.filter((task) => (task.assignee ? !existing.has(task.assignee) : !task.candidateUsers.some((user) => existing.has(user)) && !task.candidateGroups.some((group) => held.has(group))));
}

function view(task: OpenTask): UnstaffedTask {
  const { _id, ...rest } = task;
  return { taskId: _id, ...rest };
}
