import { chainEntry, genesisHead, verifyChain, type ChainHead } from '../../../engine/audit';
import type { AuditRecord } from '../../../engine/records';

function chainOf(count: number): { entries: AuditRecord[]; head: ChainHead } {
  const entries: AuditRecord[] = [];
  let head = genesisHead;
  for (let i = 0; i < count; i++) {
    const entry = chainEntry('case-1', head, { action: 'task.completed', stepName: `step ${i}`, decision: 'pass', comment: `opinion ${i}` }, {
      actor: 'clerk',
      at: new Date(Date.UTC(2026, 10, 26, 8, i)),
      statusBefore: 'running',
      statusAfter: 'running',
    });
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  return { entries, head };
}

describe('the hash-chained audit log', () => {
  it('verifies an untouched chain', () => {
    const { entries, head } = chainOf(5);
    expect(verifyChain(entries, head)).toEqual({ ok: true, entries: 5 });
  });

  it('detects a changed entry', () => {
    const { entries, head } = chainOf(5);
    entries[2] = { ...entries[2], comment: '改过的意见' };
    expect(verifyChain(entries, head)).toMatchObject({ ok: false, problem: { seq: 3, reason: 'content does not match its hash' } });
  });

  it('detects a changed entry whose hash was recomputed', () => {
    const { entries, head } = chainOf(5);
    const forged = chainEntry('case-1', { seq: 1, hash: entries[0].hash }, { action: 'task.completed', decision: 'deny' }, { actor: 'clerk', at: new Date(), statusBefore: 'running', statusAfter: 'running' });
    entries[1] = forged;
    expect(verifyChain(entries, head)).toMatchObject({ ok: false, problem: { seq: 3, reason: 'does not link to the entry before it' } });
  });

  it('detects a removed entry', () => {
    const { entries, head } = chainOf(5);
    entries.splice(1, 1);
    expect(verifyChain(entries, head)).toMatchObject({ ok: false, problem: { seq: 3 } });
  });

  it('detects reordered entries', () => {
    const { entries, head } = chainOf(5);
    [entries[1], entries[2]] = [entries[2], entries[1]];
    expect(verifyChain(entries, head).ok).toBe(false);
  });

  it('detects a removed tail against the head kept in the case', () => {
    const { entries, head } = chainOf(5);
    expect(verifyChain(entries.slice(0, 4), head)).toMatchObject({ ok: false, problem: { reason: 'the chain ends at 4 but the case records 5 entries' } });
  });
});
