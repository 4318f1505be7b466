import { isDuplicateKey } from '../definitions';
import type { Models } from '../store/models';
import type { TaskRecord } from '../store/records';

/**
 * Applies a task.upsert effect. The filter on caseRev makes it idempotent and order-proof: an
 * effect from an older case revision never overwrites a newer projection (the upsert then hits
 * the existing _id and is dropped).
 */
export async function projectTask(models: Models, task: TaskRecord): Promise<void> {
  try {
    await models.tasks.updateOne({ _id: task._id, caseRev: { $lt: task.caseRev } }, { $set: task }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
