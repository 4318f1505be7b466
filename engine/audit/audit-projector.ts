import type { Collections } from '../store/collections';
import { insertOnce } from '../store/projection-writes';
import type { AuditRecord } from '../records';

/** Applies audit.append effects; an entry's _id is its case and sequence, so a replay is a no-op. */
export function projectAuditEntries(collections: Collections, entries: AuditRecord[]): Promise<void> {
  return insertOnce(collections.audit, entries);
}
