import { setTimeout as sleep } from 'node:timers/promises';
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Collections } from './collections';
import { isDuplicateKey } from './duplicate-key';
import type { CaseRecord, CaseRevisionRecord, PrunedRevision, RevisionClaim } from '../records';

/**
 * A claim older than this whose revision never arrived was left by a crash. Claim and revision
 * are inserted together, so a claim alone means the insert stopped between them.
 */
const orphanClaimMs = 2_000;

/** The newest revision of a case, and whether its outbox still waits to be applied. */
export interface LatestRevision {
  record: CaseRecord;
  pending: boolean;
}

/**
 * The truth about cases: one document per revision, keyed `caseId/rev`, in `case_revisions`.
 *
 * Writing revision n+1 is one ordered insert of two documents: the revision's claim, then the
 * revision. Of two racing commands exactly one claim succeeds — inserts are the one write every
 * MongoDB-protocol server makes atomic (FerretDB v1 does not isolate conditional updates), and
 * an ordered insert that fails on the claim never writes the revision. The claim stays until the
 * revision's outbox is applied, so it is also what the repair sweep looks for; keeping both in
 * one collection makes the pair one round trip. Revisions are never rewritten while their case
 * runs; once it has ended, the earlier ones are cut down to stubs that keep their ids.
 */
export class CaseLedger {
  readonly #collections: Collections;
  readonly #onReleaseError: (error: unknown, claims: string[]) => void;
  /** Claims whose revision's outbox is applied, waiting to be deleted together. */
  #released: string[] = [];
  #releasing: Promise<void> | undefined;

  /** `onReleaseError` hears of a failed deletion of claims; they stay, and the repair sweep re-applies their harmless outboxes. */
  constructor(collections: Collections, onReleaseError: (error: unknown, claims: string[]) => void = () => undefined) {
    this.#collections = collections;
    this.#onReleaseError = onReleaseError;
  }

  /**
   * The case at its newest revision, or null when no such case exists. Starts at the revision
   * the head names and looks further, since a head lags its newest revision while that
   * revision's outbox is being applied (or after a crash left it unapplied). Two round trips.
   */
  async latest(caseId: string): Promise<LatestRevision | null> {
    let rev = (await this.headRev(caseId)) ?? 1;
    let window = await this.#window(caseId, [rev, rev + 1]);
    let newest = window.get(rev);
    while (window.has(rev + 1)) {
      rev += 1;
      newest = window.get(rev);
      window = await this.#window(caseId, [rev + 1]);
    }
    return newest ? { record: fromRevision(newest.revision), pending: newest.claimed } : null;
  }

  /** The revision the case head shows; at most one revision behind while an outbox applies. */
  async headRev(caseId: string): Promise<number | null> {
    const head = await this.#collections.cases.findOne({ _id: caseId }, { projection: { rev: 1 } });
    return head?.rev ?? null;
  }

  /**
   * Claims and inserts the next revision; false when another command took this revision first.
   * A claim found taken is normally followed by its revision within milliseconds (this command
   * lost); one whose revision never arrives was orphaned by a crash and is cleared once old
   * enough, so a crash delays a case by seconds at most.
   */
  async append(record: CaseRecord): Promise<boolean> {
    const claim = claimOf(record._id, record.rev);
    for (;;) {
      try {
        await this.#collections.caseRevisions.insertMany([claim, toRevision(record)], { ordered: true });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (failedInsertIndex(error) === 1) {
          // the revision exists and had no claim left, so its outbox was applied: ours is stray
          await this.#collections.caseRevisions.deleteOne({ _id: claim._id });
          return false;
        }
      }
      if (await this.#exists(revisionId(record._id, record.rev))) return false;
      if (!(await this.#clearIfOrphan(claim._id))) await sleep(50);
    }
  }

  /** Records the revision's outbox as applied, now. Idempotent, so racing appliers need no coordination. */
  async markApplied(record: CaseRecord): Promise<void> {
    await this.#collections.caseRevisions.deleteOne({ _id: claimId(record._id, record.rev) });
  }

  /**
   * Records the revision's outbox as applied without waiting for it: the claims released while
   * one deletion is out go in the next, as one write. A claim that outlives its applied outbox
   * (the node stopped first) only makes the repair sweep apply that outbox again, which changes
   * nothing, so a command need not wait for its claim to go before it answers.
   */
  release(record: CaseRecord): void {
    this.#released.push(claimId(record._id, record.rev));
    this.#releasing ??= this.#deleteReleased();
  }

  /** Waits until every claim released so far is deleted (or its deletion failed); before the store closes, and in suites. */
  async settled(): Promise<void> {
    while (this.#releasing) await this.#releasing;
  }

  async #deleteReleased(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#released.length > 0) {
      const claims = this.#released;
      this.#released = [];
      try {
        await this.#collections.caseRevisions.deleteMany({ _id: { $in: claims } });
      } catch (error) {
        this.#onReleaseError(error, claims);
      }
    }
    this.#releasing = undefined;
  }

  /**
   * Revisions whose outbox was claimed before `olderThan` and not yet applied, oldest first;
   * claims whose revision never arrived are cleared. Used by the repair sweep and start-up.
   */
  async pending(olderThan: Date): Promise<CaseRecord[]> {
    const claims = (await this.#collections.caseRevisions.find({ claim: true, at: { $lte: olderThan } }).toArray()) as RevisionClaim[];
    if (claims.length === 0) return [];
    const found = await this.#collections.caseRevisions.find({ _id: { $in: claims.map((claim) => revisionId(claim.caseId, claim.rev)) } }).toArray();
    const revisions = new Map(found.map((revision) => [revision._id, revision as CaseRevisionRecord]));
    const records: CaseRecord[] = [];
    for (const claim of claims.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rev - b.rev)) {
      const revision = revisions.get(revisionId(claim.caseId, claim.rev));
      if (revision) records.push(fromRevision(revision));
      else await this.#clearIfOrphan(claim._id);
    }
    return records;
  }

  /**
   * Cuts the revisions `from` up to (not including) `to` of an ended case down to stubs: only
   * the newest revision is read again (views, the audit head, the diagram's trail, repair),
   * while a stub keeps its id taken, so a node holding a stale engine cannot write it anew.
   */
  async prune(caseId: string, from: number, to: number): Promise<void> {
    const stubs: Array<AnyBulkWriteOperation<CaseRevisionRecord | RevisionClaim>> = [];
    for (let rev = from; rev < to; rev++) {
      const stub: PrunedRevision = { _id: revisionId(caseId, rev), caseId, rev, pruned: true };
      stubs.push({ replaceOne: { filter: { _id: stub._id }, replacement: stub as never } });
    }
    if (stubs.length > 0) await this.#collections.caseRevisions.bulkWrite(stubs, { ordered: false });
  }

  /** The revisions of `revs` that exist, with whether each is still claimed: one round trip. */
  async #window(caseId: string, revs: number[]): Promise<Map<number, { revision: CaseRevisionRecord; claimed: boolean }>> {
    const ids = revs.flatMap((rev) => [revisionId(caseId, rev), claimId(caseId, rev)]);
    const documents = await this.#collections.caseRevisions.find({ _id: { $in: ids } }).toArray();
    const claimed = new Set(documents.filter(isClaim).map((claim) => claim.rev));
    const window = new Map<number, { revision: CaseRevisionRecord; claimed: boolean }>();
    for (const document of documents) {
      if (!isClaim(document)) window.set(document.rev, { revision: document, claimed: claimed.has(document.rev) });
    }
    return window;
  }

  /** Deletes a claim left by a command that crashed before inserting its revision; true if it did. */
  async #clearIfOrphan(id: string): Promise<boolean> {
    const claim = (await this.#collections.caseRevisions.findOne({ _id: id })) as RevisionClaim | null;
    if (!claim || Date.now() - claim.at.getTime() < orphanClaimMs) return false;
    if (await this.#exists(revisionId(claim.caseId, claim.rev))) return false;
    await this.#collections.caseRevisions.deleteOne({ _id: id, at: claim.at });
    return true;
  }

  async #exists(id: string): Promise<boolean> {
    return (await this.#collections.caseRevisions.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
  }
}

export function revisionId(caseId: string, rev: number): string {
  return `${caseId}/${String(rev).padStart(8, '0')}`;
}

/** A claim's id: its revision's with a suffix, so claim and revision sit side by side in one collection. */
export function claimId(caseId: string, rev: number): string {
  return `${revisionId(caseId, rev)}~claim`;
}

function claimOf(caseId: string, rev: number): RevisionClaim {
  return { _id: claimId(caseId, rev), caseId, rev, claim: true, at: new Date() };
}

function isClaim(document: CaseRevisionRecord | RevisionClaim): document is RevisionClaim {
  return (document as Partial<RevisionClaim>).claim === true;
}

/** Which document of an ordered insert hit a unique index: 0 the claim, 1 the revision. */
function failedInsertIndex(error: unknown): number | undefined {
  const writeErrors = (error as { writeErrors?: { index: number } | Array<{ index: number }> }).writeErrors;
  return Array.isArray(writeErrors) ? writeErrors[0]?.index : writeErrors?.index;
}

function toRevision({ _id, ...record }: CaseRecord): CaseRevisionRecord {
  return { ...record, _id: revisionId(_id, record.rev), caseId: _id };
}

function fromRevision({ _id: _revisionId, caseId, ...record }: CaseRevisionRecord): CaseRecord {
  return { ...record, _id: caseId };
}
