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
  const canonical = JSON.stringify(hashedFields.map((field) => entry[field] ?? null));
  return createHash('sha256').update(canonical).digest('hex');
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

/**
 * Checks a case's entries (sorted by seq) against each other and against the head stored in
 * the case document: a changed entry breaks its hash, a removed or reordered one breaks the
 * sequence or a link, a removed tail no longer reaches the head.
 */
export function verifyChain(entries: AuditRecord[], head: ChainHead): ChainVerdict {
  let previous = genesisHead;
  for (const entry of entries) {
    const { _id: _ignored, hash, ...body } = entry;
    if (entry.seq !== previous.seq + 1) return broken(entries, entry.seq, `expected entry ${previous.seq + 1}, found ${entry.seq}`);
    if (entry.prevHash !== previous.hash) return broken(entries, entry.seq, 'does not link to the entry before it');
    if (hashEntry(body) !== hash) return broken(entries, entry.seq, 'content does not match its hash');
    previous = { seq: entry.seq, hash };
  }
  if (previous.seq !== head.seq || previous.hash !== head.hash) {
    return broken(entries, previous.seq + 1, `the chain ends at ${previous.seq} but the case records ${head.seq} entries`);
  }
  return { ok: true, entries: entries.length };
}

function broken(entries: AuditRecord[], seq: number, reason: string): ChainVerdict {
  return { ok: false, entries: entries.length, problem: { seq, reason } };
}
