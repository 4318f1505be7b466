import type { ClockState } from '../clocks';
import type { TaskRecord } from '../store/records';

export type TaskView = Omit<TaskRecord, '_id' | 'caseRev'> & { id: string; urgency: ClockState | null };

/** A task as the inbox API shows it: its id under `id`, how urgent it is now, without projection bookkeeping. */
export function taskView({ _id, caseRev: _caseRev, ...task }: TaskRecord, now = new Date()): TaskView {
  return { id: _id, ...task, urgency: urgency(task, now) };
}

/** Most urgent first: overdue, then by due time; tasks without a limit last, oldest first. */
export function byUrgency(a: TaskView, b: TaskView): number {
  const dueA = a.due ? new Date(a.due).getTime() : Number.POSITIVE_INFINITY;
  const dueB = b.due ? new Date(b.due).getTime() : Number.POSITIVE_INFINITY;
  return dueA - dueB || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
}

function urgency(task: Pick<TaskRecord, 'due' | 'warnAt'>, now: Date): ClockState | null {
  if (!task.due) return null;
  if (now > new Date(task.due)) return 'overdue';
  return task.warnAt && now >= new Date(task.warnAt) ? 'warning' : 'running';
}
