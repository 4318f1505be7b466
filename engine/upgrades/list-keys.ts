import type { AnyBulkWriteOperation, Collection, Db, Document } from 'mongodb';
import type { Audience, CaseHead, NoticeRecord, NotificationRecord, TaskRecord } from '../records';
import { inboxKeys } from '../tasks';
import { audienceKeys, peopleKeys } from '../users';
import type { Upgrade } from './upgrade';

/**
 * Before: lists read tasks by status and candidates, copies and notifications by `$or`, notices
 * by `reply: null` — queries the embedded store answers only by reading everything. Now each
 * projection carries the keys its lists read (tasks' holder/queue/doneKey, cases' copyKeys,
 * notifications' audienceKeys, notices' awaitingReply); this fills them in where missing.
 */
export const listKeys: Upgrade = {
  id: '2026-12-list-keys',
  async run(db: Db): Promise<void> {
    await fill(db.collection<TaskRecord>('tasks'), 'queue', (task) => inboxKeys(task));
    await fill(db.collection<CaseHead>('cases'), 'copyKeys', (head) => ({ copyKeys: peopleKeys(head.copiedTo?.users ?? [], head.copiedTo?.groups ?? []) }));
    await fill(db.collection<NotificationRecord>('notifications'), 'audienceKeys', (notification) => ({ audienceKeys: audienceKeys(notification.audience as Audience) }));
    await fill(db.collection<NoticeRecord>('notices'), 'awaitingReply', (notice) => ({ awaitingReply: notice.reply === null }));
  },
};

/** Sets the derived fields on every document that lacks `field`, a batch at a time. */
export async function fill<T extends Document & { _id: string }>(collection: Collection<T>, field: string, derive: (document: T) => Partial<T>): Promise<void> {
  let batch: Array<AnyBulkWriteOperation<T>> = [];
  for await (const document of collection.find({ [field]: { $exists: false } } as never)) {
    batch.push({ updateOne: { filter: { _id: document._id } as never, update: { $set: derive(document as T) } as never } });
    if (batch.length === 500) {
      await collection.bulkWrite(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await collection.bulkWrite(batch, { ordered: false });
}
