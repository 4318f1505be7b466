import type { Models } from '../store/models';
import type { AlertRecord, CaseAlert, CaseRecord } from '../store/records';
import { upsertIfNewer } from '../store/upsert-if-newer';

/** The alerts projection of a case alert at a revision, with the case fields supervisors filter by. */
export function alertRecord(record: CaseRecord, { id, ...alert }: CaseAlert, rev: number): AlertRecord {
  return { _id: id, ...alert, caseId: record._id, receiptNo: record.receiptNo, caseTitle: record.title, processKey: record.processKey, caseRev: rev };
}

/** Applies an alert.upsert effect; an older revision never overwrites a newer one. */
export function projectAlert(models: Models, alert: AlertRecord): Promise<void> {
  return upsertIfNewer(models.alerts, alert, alert.caseRev, 'caseRev');
}
