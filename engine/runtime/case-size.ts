import { BSON } from 'mongodb';
import { CaseTooLargeError } from '../errors';
import type { CaseRecord } from '../records';

/**
 * The most a revision (the case, its engine state and its outbox) may take as BSON. MongoDB
 * refuses documents over 16 MB; a case refused at a quarter of that is refused with a message
 * that says why, while every later command that does not grow it still works.
 */
export const maxCaseBytes = 4 * 1024 * 1024;

/** Called by the executor before a revision is written. */
export function assertCaseSize(record: CaseRecord, limit = maxCaseBytes): void {
  const bytes = BSON.calculateObjectSize(record);
  if (bytes > limit) throw new CaseTooLargeError(record.receiptNo, bytes, limit);
}
