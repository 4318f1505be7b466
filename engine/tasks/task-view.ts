import type { TaskRecord } from '../store/records';

export type TaskView = Omit<TaskRecord, '_id' | 'caseRev'> & { id: string };

/** A task as the inbox API shows it: its id under `id`, without projection bookkeeping. */
export function taskView({ _id, caseRev: _caseRev, ...task }: TaskRecord): TaskView {
  return { id: _id, ...task };
}
