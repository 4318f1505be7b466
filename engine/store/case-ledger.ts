import { setTimeout as sleep } from 'node:timers/promises';
import type { Models } from './models';
import { isDuplicateKey } from './duplicate-key';
import type { CaseRecord, CaseRevisionRecord } from './records';

/**
 * A claim older than this whose revision never arrived was left by a crash. Claim and revision
 * are inserted milliseconds apart; should a stalled node still insert its revision after its
 * claim was cleared, the revision's own unique _id keeps the race safe.
 */
const orphanClaimMs = 2_000;

/**
 * The truth about cases: one document per revision, keyed `caseId/rev`, never rewritten.
 *
 * Writing revision n+1 takes two inserts: a claim in the small pending_outboxes collection,
 * then the revision. Of two racing commands exactly one claim succeeds — inserts are the one
 * write every MongoDB-protocol server makes atomic (FerretDB v1's SQLite backend does not
 * isolate conditional updates). The claim stays until the revision's outbox is applied, so it
 * is also what the repair sweep looks for. Reads on the command path are by _id; on FerretDB v1
 * even those scan their collection, so the big revisions are read as little as possible.
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
    const head = await this.headRev(caseId);
    let rev = head ?? 1;
    let [current, next] = await Promise.all([this.#revision(caseId, rev), this.#revision(caseId, rev + 1)]);
    while (next) {
      current = next;
      rev += 1;
      next = await this.#revision(caseId, rev + 1);
    }
    return current ? fromRevision(current) : null;
  }

  /** The revision the case head shows; cheap, and at most one revision behind while an outbox applies. */
  async headRev(caseId: string): Promise<number | null> {
    const head = await this.#models.cases.findById(caseId, { rev: 1 }).lean<{ rev: number }>();
    return head?.rev ?? null;
  }

  /** Claims and inserts the next revision; false when another command took this revision first. */
  async append(record: CaseRecord): Promise<boolean> {
    if (!(await this.#claim(record))) return false;
    try {
      await this.#models.caseRevisions.create(toRevision(record));
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The revision's outbox has not been applied yet. */
  async isPending(record: CaseRecord): Promise<boolean> {
    return (await this.#models.pendingOutboxes.exists({ _id: revisionId(record._id, record.rev) })) !== null;
  }

  /** Records the revision's outbox as applied. Idempotent, so racing appliers need no coordination. */
  async markApplied(record: CaseRecord): Promise<void> {
    await this.#models.pendingOutboxes.deleteOne({ _id: revisionId(record._id, record.rev) });
  }

  /**
   * Revisions whose outbox was claimed before `olderThan` and not yet applied, one case's or
   * all; claims whose revision never arrived are cleared. Used by the repair sweep and start-up.
   */
  async pending(olderThan: Date, caseId?: string): Promise<CaseRecord[]> {
    const claims = await this.#models.pendingOutboxes.find(caseId ? { caseId } : { at: { $lte: olderThan } }).lean();
    const revisions: CaseRecord[] = [];
    for (const claim of claims.sort((a, b) => a.rev - b.rev)) {
      const revision = await this.#revision(claim.caseId, claim.rev);
      if (revision) revisions.push(fromRevision(revision));
      else await this.#clearIfOrphan(claim._id);
    }
    return revisions;
  }

  /**
   * Claims a revision. When the claim is taken, the other claimant normally inserts its revision
   * within milliseconds (this command lost); if no revision arrives, the claim was orphaned by a
   * crash and is cleared once it is old enough, so a crash delays a case by seconds at most.
   */
  async #claim(record: CaseRecord): Promise<boolean> {
    const id = revisionId(record._id, record.rev);
    for (;;) {
      try {
        await this.#models.pendingOutboxes.create({ _id: id, caseId: record._id, rev: record.rev, at: new Date() });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      if (await this.#revision(record._id, record.rev)) return false;
      if (!(await this.#clearIfOrphan(id))) await sleep(50);
    }
  }

  /** Deletes a claim left by a command that crashed before inserting its revision; true if it did. */
  async #clearIfOrphan(claimId: string): Promise<boolean> {
    const claim = await this.#models.pendingOutboxes.findById(claimId).lean();
    if (!claim || Date.now() - claim.at.getTime() < orphanClaimMs) return false;
    if (await this.#revision(claim.caseId, claim.rev)) return false;
    await this.#models.pendingOutboxes.deleteOne({ _id: claimId, at: claim.at });
    return true;
  }

  #revision(caseId: string, rev: number): Promise<CaseRevisionRecord | null> {
    return this.#models.caseRevisions.findById(revisionId(caseId, rev)).lean<CaseRevisionRecord>();
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
