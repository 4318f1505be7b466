import type { CaseRecord, MessageRecord, StepCatalogue } from '../records';
import type { Collections } from '../store/collections';
import { insertOnce } from '../store/projection-writes';

/**
 * The messages a revision threw (its message throw events the command passed), each with the
 * correlation keys and variables its event names, valued from the case as the revision leaves
 * it. Ids are per revision, so a replayed outbox records and delivers none twice.
 */
export function thrownMessages(next: CaseRecord, catalogue: StepCatalogue, stepIds: string[], rev: number, now: Date): MessageRecord[] {
  return stepIds.map((stepId, index) => {
    const spec = catalogue.thrownMessages[stepId];
    const pick = (names: string[]) => Object.fromEntries(names.filter((name) => name in next.variables).map((name) => [name, next.variables[name]]));
    return {
      _id: `${next._id}~${rev}~${index}`,
      name: spec.message,
      businessKey: null,
      correlationKeys: pick(spec.correlationKeys),
      variables: pick([...spec.correlationKeys, ...spec.variables]),
      from: { caseId: next._id, receiptNo: next.receiptNo, processKey: next.processKey, stepId },
      sentBy: 'system',
      sentAt: now,
      status: 'pending',
      deliveredTo: [],
      reason: null,
      outcome: null,
      settledAt: null,
    };
  });
}

/** Records a revision's thrown messages as pending; the worker's message job delivers each, and reconcile finds any left pending. */
export function recordThrownMessages(collections: Collections, messages: MessageRecord[]): Promise<void> {
  return insertOnce(collections.messages, messages);
}
