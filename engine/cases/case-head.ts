import type { Collections } from '../store/collections';
import type { CaseHead, CaseRecord } from '../records';
import { replaceIfNewer } from '../store/projection-writes';
import { peopleKeys } from '../users/audience-keys';

/**
 * The cases collection's view of a revision: everything but engine state, outbox and answered
 * requests; whom it was copied to as keys, and the stored files it refers to (who may read a file).
 */
export function caseHead({ engineState: _state, outbox: _outbox, answered: _answered, ...head }: CaseRecord): CaseHead {
  return { ...head, copyKeys: peopleKeys(head.copiedTo.users, head.copiedTo.groups), messageKeys: messageKeys(head), fileIds: head.attachments.flatMap((attachment) => (attachment.fileId ? [attachment.fileId] : [])) };
}

/** The keys a message finds a running case by: each message it receives, alone and with the case's receipt number or business key. */
export function messageKeys(record: Pick<CaseRecord, 'status' | 'awaiting' | 'messageSubscriptions' | 'receiptNo' | 'businessKey'>): string[] {
  if (record.status !== 'running') return [];
  const names = new Set([...record.awaiting.map((awaited) => awaited.message), ...(record.messageSubscriptions ?? [])]);
  return [...names].flatMap((name) => [name, `${name}|${record.receiptNo}`, ...(record.businessKey ? [`${name}|${record.businessKey}`] : [])]);
}

/** Projects a revision into the cases collection unless a newer revision is already there. */
export function projectCaseHead(collections: Collections, record: CaseRecord): Promise<void> {
  return replaceIfNewer(collections.cases, [caseHead(record)], 'rev');
}
