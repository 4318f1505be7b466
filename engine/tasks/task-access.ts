import type { Actor } from '../users/actor';
import type { OpenTask, TaskRecord } from '../records';

type Candidates = Pick<OpenTask, 'assignee' | 'candidateUsers' | 'candidateGroups'>;

/** The actor is named as a candidate user or belongs to a candidate group. */
export function isCandidate(task: Candidates, actor: Actor): boolean {
  return task.candidateUsers.includes(actor.username) || task.candidateGroups.some((group) => actor.groups.includes(group));
}

/** The actor may see and act on the task: its assignee, or a candidate while nobody holds it. */
export function mayAct(task: Candidates, actor: Actor): boolean {
  return task.assignee === actor.username || (task.assignee === null && isCandidate(task, actor));
}

/** Departments named by a task's groups (`role@department`), for case visibility. */
export function departmentsOf(task: Pick<OpenTask, 'candidateGroups'>): string[] {
  return task.candidateGroups.map((group) => group.split('@')[1]).filter((department): department is string => Boolean(department));
}

export type { TaskRecord };
