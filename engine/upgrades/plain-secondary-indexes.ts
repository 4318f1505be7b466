import type { Db } from 'mongodb';
import type { Upgrade } from './upgrade';

/**
 * Before: audit entries and definition versions had unique compound indexes beside their unique
 * _ids, and the inbox read tasks by status and candidate. Those indexes are dropped here; the
 * models make their successors (the embedded store can serve only non-unique ones from GIN).
 */
export const plainSecondaryIndexes: Upgrade = {
  id: '2026-12-plain-secondary-indexes',
  async run(db: Db): Promise<void> {
    const obsolete: Array<[string, string]> = [
      ['audit', 'caseId_1_seq_1'],
      ['definitions', 'key_1_version_-1'],
      ['tasks', 'status_1_assignee_1_createdAt_1'],
      ['tasks', 'status_1_candidateGroups_1'],
      ['tasks', 'status_1_candidateUsers_1'],
      ['notifications', 'at_-1'],
    ];
    for (const [collection, index] of obsolete) await db.collection(collection).dropIndex(index).catch(() => undefined);
  },
};
