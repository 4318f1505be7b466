import type { Collections } from '../store/collections';
import type { TaskRecord } from '../records';
import { replaceIfNewer } from '../store/projection-writes';

/** Applies a revision's task.upsert effects in one write; an effect of an older case revision never overwrites a newer one. */
export function projectTasks(collections: Collections, tasks: TaskRecord[]): Promise<void> {
  return replaceIfNewer(collections.tasks, tasks, 'caseRev');
}
