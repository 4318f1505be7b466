import type { Models } from '../store/models';
import type { CaseHead, CaseRecord } from '../store/records';
import { upsertIfNewer } from '../store/upsert-if-newer';

/** The cases collection's view of a revision: everything but engine state and outbox. */
export function caseHead({ engineState: _state, outbox: _outbox, ...head }: CaseRecord): CaseHead {
  return head;
}

/** Projects a revision into the cases collection unless a newer revision is already there. */
export function projectCaseHead(models: Models, record: CaseRecord): Promise<void> {
  return upsertIfNewer(models.cases, caseHead(record), record.rev, 'rev');
}
