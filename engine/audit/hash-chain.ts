import { createHash } from 'node:crypto';
import type { AuditRecord, CaseStatus } from '../records';

/** The facts a command records about itself; the executor adds who, when, sequence and hashes. */
export interface AuditFacts {
  action: string;
  stepId?: string | null;
  stepName?: string | null;
  taskId?: string | null;
  decision?: string | null;
  comment?: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head of an empty chain: the first entry links to this. */
export const genesisHead: ChainHead = { seq: 0, hash: '0'.repeat(64) };

/** Fields covered by an entry's hash, in a fixed order so the hash never depends on key order. */
const hashedFields = ['caseId', 'seq', 'at', 'actor', 'action', 'stepId', 'stepName', 'taskId', 'decision', 'comment', 'statusBefore', 'statusAfter', 'prevHash'] as const;

export function hashEntry(entry: Omit<AuditRecord, 'hash' | '_id'>): string {
  return hashFields(entry, hashedFields);
}

/** SHA-256 of `fields` of `entry` in that order, as JSON: the hash of an entry of any chain. */
export function hashFields<Entry>(entry: Entry, fields: readonly (keyof Entry)[]): string {
  return createHash('sha256').update(JSON.stringify(fields.map((field) => entry[field] ?? null))).digest('hex');
}

/** Builds the entry that follows `head` in a case's chain. */
export function chainEntry(
  caseId: string,
  head: ChainHead,
  facts: AuditFacts,
  meta: { actor: string; at: Date; statusBefore: CaseStatus | null; statusAfter: CaseStatus },
): AuditRecord {
  const seq = head.seq + 1;
  const body = {
    caseId,
    seq,
    at: meta.at.toISOString(),
    actor: meta.actor,
    action: facts.action,
    stepId: facts.stepId ?? null,
    stepName: facts.stepName ?? null,
    taskId: facts.taskId ?? null,
    decision: facts.decision ?? null,
    comment: facts.comment ?? null,
    statusBefore: meta.statusBefore,
    statusAfter: meta.statusAfter,
    prevHash: head.hash,
  };
  return { _id: `${caseId}:${String(seq).padStart(8, '0')}`, ...body, hash: hashEntry(body) };
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The first broken entry and why, when not ok. */
  problem?: { seq: number; reason: string };
}

/** An entry of any hash chain: its place, the hash of the one before it, its own. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Checks a case's entries (sorted by seq) against each other and against the head stored in
 * the case document: a changed entry breaks its hash, a removed or reordered one breaks the
 * sequence or a link, a removed tail no longer reaches the head.
 */
export function verifyChain(entries: AuditRecord[], head: ChainHead): ChainVerdict {
  return verifyLinks(entries, head, ({ _id: _ignored, hash: _hash, ...body }) => hashEntry(body), 'the case records');
}

/** verifyChain for any chain: `hashOf` recomputes an entry's hash, `holder` names where the head is kept. */
export function verifyLinks<Entry extends ChainLink>(entries: Entry[], head: ChainHead, hashOf: (entry: Entry) => string, holder: string): ChainVerdict {
  let previous = genesisHead;
  for (const entry of entries) {
    if (entry.seq !== previous.seq + 1) return broken(entries, entry.seq, `expected entry ${previous.seq + 1}, found ${entry.seq}`);
    if (entry.prevHash !== previous.hash) return broken(entries, entry.seq, 'does not link to the entry before it');
    if (hashOf(entry) !== entry.hash) return broken(entries, entry.seq, 'content does not match its hash');
    previous = { seq: entry.seq, hash: entry.hash };
  }
  if (previous.seq !== head.seq || previous.hash !== head.hash) {
    return broken(entries, previous.seq + 1, `the chain ends at ${previous.seq} but ${holder} ${head.seq} entries`);
  }
  return { ok: true, entries: entries.length };
}

function broken(entries: readonly unknown[], seq: number, reason: string): ChainVerdict {
  return { ok: false, entries: entries.length, problem: { seq, reason } };
}
