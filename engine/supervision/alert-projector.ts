import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';
import type { AlertRecord, CaseItemRecord, CaseRecord, NoticeRecord, NotificationRecord } from '../store/records';
import { upsertIfNewer } from '../store/upsert-if-newer';

/** The projection document of an alert or notice of a case at a revision. */
export function caseItemRecord<Item extends { id: string }>(record: CaseRecord, { id, ...item }: Item, rev: number): CaseItemRecord<Item> {
  return { ...item, _id: id, caseId: record._id, receiptNo: record.receiptNo, caseTitle: record.title, processKey: record.processKey, caseRev: rev } as CaseItemRecord<Item>;
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
