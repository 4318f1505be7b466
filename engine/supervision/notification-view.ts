import type { NotificationRecord } from '../records';
import type { AsJson } from '../records/as-json';
import type { Names } from '../users/names';

/** A notification as GET /api/notifications lists it. */
export type NotificationView = AsJson<Omit<NotificationRecord, '_id' | 'audienceKeys'>> & { id: string };

/** A page of a person's notifications: how many came since they last looked, and who acted and where, by name. */
export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unseen: number;
  names: Names;
}
