import type { Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

/**
 * Writes a projection document unless the stored one reflects the same or a newer case
 * revision, so replaying an outbox changes nothing and an old revision never overwrites a newer
 * one. Read and write are both by _id, the one lookup FerretDB v1 answers without a scan; the
 * two are not atomic, so two appliers of different revisions of one case racing within the
 * same instant could leave the older — the next command or repair of that case projects again.
 * Two appliers creating the same document race on its _id: the loser compares again.
 * Used by the case-head, task, alert and notice projectors.
 */
export async function upsertIfNewer<T extends { _id: string }>(model: Model<T>, document: T, rev: number, revField: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const stored = await model.findById(document._id, { [revField]: 1 }).lean<Record<string, number>>();
    if (stored && stored[revField] >= rev) return;
    try {
      await model.replaceOne({ _id: document._id } as never, document as never, { upsert: true });
      return;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt > 0) throw error;
    }
  }
}
