import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import type { AuditRecord } from '../store/records';

/** Applies an audit.append effect; the entry's _id is its case and sequence, so a replay is a no-op. */
export async function projectAuditEntry(models: Models, entry: AuditRecord): Promise<void> {
  try {
    await models.audit.create(entry);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
