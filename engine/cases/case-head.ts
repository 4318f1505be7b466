import type { Collections } from '../store/collections';
import type { CaseHead, CaseRecord } from '../records';
import { replaceIfNewer } from '../store/projection-writes';

/** The cases collection's view of a revision: everything but engine state and outbox. */
export function caseHead({ engineState: _state, outbox: _outbox, ...head }: CaseRecord): CaseHead {
  return head;
}

/** Projects a revision into the cases collection unless a newer revision is already there. */
export function projectCaseHead(collections: Collections, record: CaseRecord): Promise<void> {
  return replaceIfNewer(collections.cases, [caseHead(record)], 'rev');
}
