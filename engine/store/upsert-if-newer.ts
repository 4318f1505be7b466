import type { Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

/**
 * Writes a projection document unless the stored one reflects a newer case revision: the filter
 * on `caseRev` skips stale writes, and the upsert of a skipped one hits the existing _id and is
 * dropped. Used by the case-head and task projectors, so replaying an outbox changes nothing.
 */
export async function upsertIfNewer<T extends { _id: string }>(model: Model<T>, document: T, rev: number, revField: string): Promise<void> {
  try {
    await model.updateOne({ _id: document._id, [revField]: { $lt: rev } } as never, { $set: document } as never, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
