import type { Models } from '../store/models';
import type { TaskRecord } from '../store/records';
import { upsertIfNewer } from '../store/upsert-if-newer';

/** Applies a task.upsert effect; an effect of an older case revision never overwrites a newer one. */
export function projectTask(models: Models, task: TaskRecord): Promise<void> {
  return upsertIfNewer(models.tasks, task, task.caseRev, 'caseRev');
}
