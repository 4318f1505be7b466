import { clockView } from '../clocks';
import type { TaskRecord } from '../records';
import type { Mentions } from '../users/names';
import type { TaskView } from './task-view-types';

export type { OpenedTask, TaskView } from './task-view-types';

/**
 * A task as the inbox API shows it: its id under `id`, its clock and how urgent it is now,
 * without projection bookkeeping. A closed task has no clock running, so it shows none.
 */
export function taskView({ _id, caseRev: _caseRev, clock, ...task }: TaskRecord, now = new Date()): TaskView {
  const view = clock && task.status === 'open' ? clockView(clock, now) : null;
  return { id: _id, ...task, urgency: view?.state ?? null, clock: view };
}

/** Most urgent first: overdue, then by due time; tasks without a limit last, oldest first. */
export function byUrgency(a: TaskView, b: TaskView): number {
  const dueA = a.due ? new Date(a.due).getTime() : Number.POSITIVE_INFINITY;
  const dueB = b.due ? new Date(b.due).getTime() : Number.POSITIVE_INFINITY;
  return dueA - dueB || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
}

/** The people and groups a task names, for the names sent beside it: its holder, candidates, owner, completer and signer (a person or a group). */
export function taskMentions(tasks: readonly TaskView[]): Mentions {
  return {
    people: tasks.flatMap((task) => [task.assignee, task.delegatedBy, task.completedBy, task.signer, ...task.candidateUsers]),
    groups: tasks.flatMap((task) => task.candidateGroups),
  };
}
