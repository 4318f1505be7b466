import type { Collections } from '../store/collections';
import type { CaseHead, CaseRecord } from '../records';
import { replaceIfNewer } from '../store/projection-writes';
import { peopleKeys } from '../users/audience-keys';

/** The cases collection's view of a revision: everything but engine state, outbox and answered requests, and whom it was copied to as keys. */
export function caseHead({ engineState: _state, outbox: _outbox, answered: _answered, ...head }: CaseRecord): CaseHead {
  return { ...head, copyKeys: peopleKeys(head.copiedTo.users, head.copiedTo.groups) };
}

/** Projects a revision into the cases collection unless a newer revision is already there. */
export function projectCaseHead(collections: Collections, record: CaseRecord): Promise<void> {
  return replaceIfNewer(collections.cases, [caseHead(record)], 'rev');
}
