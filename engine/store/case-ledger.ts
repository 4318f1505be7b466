import type { Models } from './models';
import { isDuplicateKey } from './duplicate-key';
import type { CaseRecord, CaseRevisionRecord } from './records';

/**
 * The truth about cases: one immutable document per revision. A command's write is an insert
 * of revision n+1, and the unique (caseId, rev) index lets exactly one of two racing commands
 * succeed. Inserts are the one write every MongoDB-protocol server makes atomic — FerretDB v1's
 * SQLite backend does not isolate conditional updates, so a `rev` check in an update filter
 * would let both racers win there.
 */
export class CaseLedger {
  readonly #models: Models;

  constructor(models: Models) {
    this.#models = models;
  }

  /** The case at its newest revision, or null when no such case exists. */
  async latest(caseId: string): Promise<CaseRecord | null> {
    const revision = await this.#models.caseRevisions.findOne({ caseId }).sort({ rev: -1 }).lean<CaseRevisionRecord>();
    return revision ? fromRevision(revision) : null;
  }

  /** Inserts the next revision; false when another command inserted this revision first. */
  async append(record: CaseRecord): Promise<boolean> {
    try {
      await this.#models.caseRevisions.create(toRevision(record));
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Marks a revision's outbox applied. Idempotent, so racing appliers need no coordination. */
  async markApplied(record: CaseRecord): Promise<void> {
    await this.#models.caseRevisions.updateOne({ _id: revisionId(record._id, record.rev) }, { $set: { outbox: [], outboxAt: null } });
  }

  /** Revisions whose outbox was written before `olderThan` and not yet applied; one case's, or all. */
  async pending(olderThan: Date, caseId?: string): Promise<CaseRecord[]> {
    const filter = caseId ? { caseId, outboxAt: { $ne: null } } : { outboxAt: { $ne: null, $lte: olderThan } };
    const revisions = await this.#models.caseRevisions.find(filter).sort({ rev: 1 }).lean<CaseRevisionRecord[]>();
    return revisions.map(fromRevision);
  }
}

export function revisionId(caseId: string, rev: number): string {
  return `${caseId}/${String(rev).padStart(8, '0')}`;
}

function toRevision({ _id, ...record }: CaseRecord): CaseRevisionRecord {
  return { ...record, _id: revisionId(_id, record.rev), caseId: _id };
}

function fromRevision({ _id: _revisionId, caseId, ...record }: CaseRevisionRecord): CaseRecord {
  return { ...record, _id: caseId };
}
