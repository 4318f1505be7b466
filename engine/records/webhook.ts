/** Subscribers to the installation's notifications (an SMS gateway, a city app) and what was delivered to them. */

/** An outbound webhook: notifications of the listed kinds are POSTed to its URL, signed with its secret. */
export interface WebhookRecord {
  _id: string;
  name: string;
  url: string;
  /** Notification kinds it hears (`case.decided`, `case.supplement-requested` …), or `*` for all. */
  events: string[];
  /** The HMAC-SHA256 key of its signatures; told once, when it is made. */
  secret: string;
  disabled: boolean;
  createdBy: string;
  createdAt: Date;
}

/** delivering: waiting for a (further) attempt; delivered: the subscriber answered 2xx; failed: every attempt failed. */
export type DeliveryStatus = 'delivering' | 'delivered' | 'failed';

/** One notification's delivery to one webhook, with how its attempts went. */
export interface WebhookDeliveryRecord {
  /** `notificationId~webhookId`: each notification reaches each subscriber once. */
  _id: string;
  webhookId: string;
  notificationId: string;
  kind: string;
  status: DeliveryStatus;
  attempts: number;
  /** The subscriber's last HTTP status, or null when it could not be reached. */
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
}
