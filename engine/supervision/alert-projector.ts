import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';
import type { AlertRecord, CaseAlert, CaseRecord, Notice, NoticeRecord, NotificationRecord } from '../store/records';
import { upsertIfNewer } from '../store/upsert-if-newer';

/** The alerts projection of a case alert at a revision, with the case fields supervisors filter by. */
export function alertRecord(record: CaseRecord, { id, ...alert }: CaseAlert, rev: number): AlertRecord {
  return { _id: id, ...alert, caseId: record._id, receiptNo: record.receiptNo, caseTitle: record.title, processKey: record.processKey, caseRev: rev };
}

/** The notices projection of a case's notice at a revision. */
export function noticeRecord(record: CaseRecord, { id, ...notice }: Notice, rev: number): NoticeRecord {
  return { _id: id, ...notice, caseId: record._id, receiptNo: record.receiptNo, caseTitle: record.title, processKey: record.processKey, caseRev: rev };
}

export function projectNotice(models: Models, notice: NoticeRecord): Promise<void> {
  return upsertIfNewer(models.notices, notice, notice.caseRev, 'caseRev');
}

/** Applies a notification.send effect; the id is the revision's, so a replay sends nothing twice. */
export async function sendNotification(models: Models, notification: NotificationRecord): Promise<void> {
  try {
    await models.notifications.create(notification);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Applies an alert.upsert effect; an older revision never overwrites a newer one. */
export function projectAlert(models: Models, alert: AlertRecord): Promise<void> {
  return upsertIfNewer(models.alerts, alert, alert.caseRev, 'caseRev');
}
