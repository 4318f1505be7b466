import { derivedId } from '../runtime/derived-id';
import type { CallJob, CallJobName, CaseRecord, Effect } from '../records';

/** A child case's id, derived from its parent and the call's execution: starting it twice makes one child. */
export function childCaseId(parentId: string, executionId: string): string {
  return derivedId(parentId, 'call', executionId);
}

export function callsOf(record: Pick<CaseRecord, 'calls'>): NonNullable<CaseRecord['calls']> {
  return record.calls ?? [];
}

/**
 * The jobs between parent and child cases a revision causes: a call that began starts its
 * child; a call that ended other than by its child's return (the parent withdrawn, terminated,
 * interrupted) ends the child; a child that ended returns to its parent. Job ids are per child
 * and kind, so a replayed outbox adds none twice. Called by the executor's revision effects.
 */
export function callEffects(current: CaseRecord | null, next: CaseRecord, returned: string | undefined): Effect[] {
  const before = current ? callsOf(current) : [];
  const after = next.status === 'running' ? callsOf(next) : [];
  const job = (name: CallJobName, fields: Omit<CallJob, 'id' | 'at'>): Effect => ({ kind: 'call.job', name, job: { id: `${name}~${fields.childId}`, at: 0, ...fields } });
  const effects: Effect[] = [];
  for (const call of after.filter((candidate) => !before.some((old) => old.childId === candidate.childId))) {
    const start = { processKey: call.processKey, version: call.version, title: `${next.title} · ${call.name}`, applicant: next.applicant, receiptNo: next.receiptNo, variables: call.input };
    effects.push(job('call.start', { childId: call.childId, parentId: next._id, parentReceiptNo: next.receiptNo, executionId: call.executionId, stepId: call.stepId, start }));
  }
  for (const call of before.filter((candidate) => candidate.childId !== returned && !after.some((now) => now.childId === candidate.childId))) {
    effects.push(job('call.end', { childId: call.childId, parentId: next._id, parentReceiptNo: next.receiptNo, executionId: call.executionId, stepId: call.stepId }));
  }
  if (next.parent && next.status !== 'running' && current?.status === 'running') {
    effects.push(job('call.return', { childId: next._id, parentId: next.parent.caseId, parentReceiptNo: next.parent.receiptNo, executionId: next.parent.executionId, stepId: next.parent.stepId, ended: { status: next.status, receiptNo: next.receiptNo, variables: next.variables } }));
  }
  return effects;
}
