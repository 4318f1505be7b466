import type { Db } from 'mongodb';
import { claimId } from '../store/case-ledger';
import { insertOnce } from '../store/projection-writes';
import type { RevisionClaim } from '../records';
import type { Upgrade } from './upgrade';

/** Before: a revision's claim lived in `pending_outboxes`, keyed by the revision's id. Now beside the revision (store/case-ledger). */
export const claimsBesideRevisions: Upgrade = {
  id: '2026-12-claims-beside-revisions',
  async run(db: Db): Promise<void> {
    const old = db.collection<{ _id: string; caseId: string; rev: number; at: Date }>('pending_outboxes');
    const claims = await old.find({}).toArray();
    const moved: RevisionClaim[] = claims.map(({ caseId, rev, at }) => ({ _id: claimId(caseId, rev), caseId, rev, claim: true, at }));
    await insertOnce(db.collection<RevisionClaim>('case_revisions'), moved);
    await old.drop().catch(() => undefined);
  },
};
