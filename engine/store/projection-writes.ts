import type { AnyBulkWriteOperation, Collection, Document, Filter, OptionalUnlessRequiredId, WithoutId } from 'mongodb';
import { isDuplicateKey } from './duplicate-key';

/** A projection document: keyed by its own id, stamped with the case revision it reflects. */
type Projection = Document & { _id: string };

/**
 * Writes projection documents, each unless the stored one reflects the same or a newer case
 * revision, so replaying an outbox changes nothing and an old revision never overwrites a newer
 * one. One conditional upsert per document, all in one round trip: where a newer one is stored
 * the filter matches nothing and the upsert's insert hits the _id. MongoDB goes on past such a
 * write, FerretDB stops at it, so then each write is made on its own, and a duplicate key is
 * taken for "newer already there" only once the stored revision says so (another unique index,
 * as an old database may carry, must not swallow a projection). Without isolated updates
 * (FerretDB), two appliers of different revisions of one case racing within the same instant
 * could leave the older; the next command or repair of that case projects again. Used by the
 * case-head, task, alert and notice projectors.
 */
export async function replaceIfNewer<T extends Projection>(collection: Collection<T>, documents: T[], revField: keyof T & string): Promise<void> {
  if (documents.length === 0) return;
  try {
    await collection.bulkWrite(documents.map((document) => conditionalReplace(document, revField)), { ordered: false });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    for (const document of documents) await replaceOneIfNewer(collection, document, revField);
  }
}

async function replaceOneIfNewer<T extends Projection>(collection: Collection<T>, document: T, revField: keyof T & string): Promise<void> {
  try {
    await collection.bulkWrite([conditionalReplace(document, revField)]);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const stored = await collection.findOne({ _id: document._id } as Filter<T>, { projection: { [revField]: 1 } });
    if (!stored || (stored[revField] as number) < (document[revField] as number)) throw error;
  }
}

function conditionalReplace<T extends Projection>(document: T, revField: keyof T & string): AnyBulkWriteOperation<T> {
  return { replaceOne: { filter: { _id: document._id, [revField]: { $lt: document[revField] } } as Filter<T>, replacement: document as WithoutId<T>, upsert: true } };
}

/** Inserts documents whose ids are deterministic (audit entries, notifications); one already there was written by an earlier apply. */
export async function insertOnce<T extends Projection>(collection: Collection<T>, documents: T[]): Promise<void> {
  if (documents.length === 0) return;
  await ignoringDuplicates(collection.insertMany(documents as Array<OptionalUnlessRequiredId<T>>, { ordered: false }));
}

async function ignoringDuplicates(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isDuplicateKey(error) || !onlyDuplicates(error)) throw error;
  }
}

/** A bulk write's errors are all duplicate keys (MongoDB reports each; the first is the error's own code). */
function onlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = writeErrors === undefined ? [] : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return list.every((writeError) => (writeError as { code?: number }).code === 11000);
}
