import type { Models } from './models';
import { isDuplicateKey } from './duplicate-key';
import type { CaseRecord, CaseRevisionRecord } from './records';

/**
 * The truth about cases: one document per revision, keyed `caseId/rev`. A command's write is an
 * insert of revision n+1, which exactly one of two racing commands wins. Inserts are the one
 * write every MongoDB-protocol server makes atomic — FerretDB v1's SQLite backend does not
 * isolate conditional updates, so a `rev` check in an update filter would let both racers win.
 * Every read on the command path is by _id, the one lookup FerretDB v1 answers without a scan.
 */
export class CaseLedger {
  readonly #models: Models;

  constructor(models: Models) {
    this.#models = models;
  }

  /**
   * The case at its newest revision, or null when no such case exists. Starts at the revision
   * the head names and looks one further, since a head lags its newest revision while that
   * revision's outbox is being applied (or after a crash left it unapplied).
   */
  async latest(caseId: string): Promise<CaseRecord | null> {
    const head = await this.#models.cases.findById(caseId, { rev: 1 }).lean<{ rev: number }>();
    let rev = head?.rev ?? 1;
    let [current, next] = await Promise.all([this.#revision(caseId, rev), this.#revision(caseId, rev + 1)]);
    while (next) {
      current = next;
      rev += 1;
      next = await this.#revision(caseId, rev + 1);
    }
    return current ? fromRevision(current) : null;
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

  /** Revisions after `rev`, newest last, or null when `rev` is the newest; used with a live (cached) case. */
  async newerThan(caseId: string, rev: number): Promise<CaseRecord | null> {
    let newest: CaseRevisionRecord | null = null;
    for (let next = await this.#revision(caseId, rev + 1); next; next = await this.#revision(caseId, next.rev + 1)) newest = next;
    return newest ? fromRevision(newest) : null;
  }

  #revision(caseId: string, rev: number): Promise<CaseRevisionRecord | null> {
    return this.#models.caseRevisions.findById(revisionId(caseId, rev)).lean<CaseRevisionRecord>();
  }

  /** Marks a revision's outbox applied. Idempotent, so racing appliers need no coordination. */
  async markApplied(record: CaseRecord): Promise<void> {
    await this.#models.caseRevisions.updateOne({ _id: revisionId(record._id, record.rev) }, { $set: { outbox: [], outboxAt: null } });
  }

  /**
   * Revisions whose outbox was written before `olderThan` and not yet applied; one case's, or
   * all. Off the command path: the periodic sweep and start-up (indexed on MongoDB).
   */
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
