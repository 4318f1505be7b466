import type { Collections } from '../store/collections';
import { insertOnce, replaceIfNewer } from '../store/projection-writes';
import type { AlertRecord, CaseItemRecord, CaseRecord, NoticeRecord, NotificationRecord } from '../records';

/** The projection document of an alert or notice of a case at a revision. */
export function caseItemRecord<Item extends { id: string }>(record: CaseRecord, { id, ...item }: Item, rev: number): CaseItemRecord<Item> {
  return { ...item, _id: id, caseId: record._id, receiptNo: record.receiptNo, caseTitle: record.title, processKey: record.processKey, caseRev: rev } as CaseItemRecord<Item>;
}

/** Applies notice.upsert effects; an older revision never overwrites a newer one. */
export function projectNotices(collections: Collections, notices: NoticeRecord[]): Promise<void> {
  return replaceIfNewer(collections.notices, notices, 'caseRev');
}

/** Applies notification.send effects; ids are the revision's, so a replay sends nothing twice. */
export function sendNotifications(collections: Collections, notifications: NotificationRecord[]): Promise<void> {
  return insertOnce(collections.notifications, notifications);
}

/** Applies alert.upsert effects; an older revision never overwrites a newer one. */
export function projectAlerts(collections: Collections, alerts: AlertRecord[]): Promise<void> {
  return replaceIfNewer(collections.alerts, alerts, 'caseRev');
}
