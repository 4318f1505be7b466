import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DeadlineQueue } from '../deadlines';
import { ConflictError, InvalidInputError, NotFoundError, type ProblemDetail } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import type { DeliveryStatus, NotificationRecord, WebhookDeliveryRecord, WebhookRecord } from '../records';
import type { Actor } from '../users/actor';
import { deliveryId } from './webhook-jobs';
import { signatureHeader } from './webhook-signature';

/** How often a delivery is tried, and the wait before the second try, doubling after each. */
export interface WebhookRetry {
  attempts: number;
  delayMs: number;
}

export interface NewWebhook {
  name: string;
  url: string;
  events: string[];
}

/** A webhook as administrators see it: never its secret, with how many deliveries failed for good. */
export type WebhookView = Omit<WebhookRecord, '_id' | 'secret'> & { id: string; failed: number };

export type DeliveryView = Omit<WebhookDeliveryRecord, '_id'> & { id: string };

/** A subscriber that does not answer in this long counts as not answering. */
const deliveryTimeoutMs = 10_000;

/**
 * Notifications going out (an SMS gateway, a city's app): each notification the outbox sends is
 * handed, by a durable job, to the webhooks that hear its kind, and POSTed to each as its own job,
 * signed with the webhook's secret and tried again with back-off until it is answered 2xx or its
 * attempts run out — then it is failed, on the webhook's list of deliveries for an operator.
 * Deliveries are keyed by notification and webhook, so a job that runs twice delivers once more
 * at most, never to a second record. Administrators add and disable webhooks; both are audited.
 */
export class Webhooks {
  readonly #models: Models;
  readonly #deadlines: DeadlineQueue;
  readonly #retry: WebhookRetry;
  readonly #now: () => Date;
  readonly #log: Logger;

  constructor(models: Models, deadlines: DeadlineQueue, retry: WebhookRetry, now: () => Date, log: Logger) {
    this.#models = models;
    this.#deadlines = deadlines;
    this.#retry = retry;
    this.#now = now;
    this.#log = log;
  }

  /** Adds a webhook; its secret is in this answer only. */
  async create(input: NewWebhook, by: Actor): Promise<WebhookView & { secret: string }> {
    const problems = webhookProblems(input);
    if (problems.length > 0) throw new InvalidInputError('cannot add the webhook', problems, 422);
    const record: WebhookRecord = { _id: randomUUID(), name: input.name.trim(), url: input.url, events: [...new Set(input.events)], secret: randomBytes(32).toString('base64url'), disabled: false, createdBy: by.username, createdAt: this.#now() };
    await this.#audit(by, 'webhook.created', record._id, { name: record.name, url: record.url, events: record.events });
    await this.#models.webhooks.create(record);
    return { ...viewOf(record, 0), secret: record.secret };
  }

  async list(): Promise<WebhookView[]> {
    const records = await this.#models.webhooks.find({}, { secret: 0 }).sort({ createdAt: 1 }).lean<WebhookRecord[]>();
    return Promise.all(records.map(async (record) => viewOf(record, await this.#models.webhookDeliveries.countDocuments({ webhookId: record._id, status: 'failed' }))));
  }

  /** No new deliveries to the webhook; those still being tried end as failed. */
  async disable(id: string, by: Actor): Promise<WebhookView> {
    const record = await this.#existing(id);
    if (record.disabled) throw new ConflictError(`webhook ${record.name} is disabled already`);
    await this.#audit(by, 'webhook.disabled', id, { name: record.name });
    await this.#models.webhooks.updateOne({ _id: id }, { $set: { disabled: true } });
    return viewOf({ ...record, disabled: true }, await this.#models.webhookDeliveries.countDocuments({ webhookId: id, status: 'failed' }));
  }

  /** A webhook's deliveries, newest first, all or of one status. */
  async deliveries(id: string, status: DeliveryStatus | undefined, page: Page): Promise<{ items: DeliveryView[]; total: number }> {
    await this.#existing(id);
    const { items, total } = await pagedFind<WebhookDeliveryRecord>(this.#models.webhookDeliveries, { webhookId: id, ...(status ? { status } : {}) }, { createdAt: -1 }, page);
    return { items: items.map(({ _id, ...delivery }) => ({ id: _id, ...delivery })), total };
  }

  /** The worker's part: a delivery, and its job, for each webhook hearing the notification's kind. */
  async fanOut(notificationId: string): Promise<number> {
    const notification = await this.#models.notifications.findById(notificationId).lean<NotificationRecord>();
    if (!notification) return 0;
    const hooks = await this.#models.webhooks.find({ disabled: false, events: { $in: [notification.kind, '*'] } }, { _id: 1 }).lean<Array<{ _id: string }>>();
    for (const hook of hooks) {
      const id = deliveryId(notificationId, hook._id);
      await this.#models.webhookDeliveries.create({ _id: id, webhookId: hook._id, notificationId, kind: notification.kind, status: 'delivering', attempts: 0, lastStatus: null, lastError: null, createdAt: this.#now(), lastAttemptAt: null, deliveredAt: null }).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
      await this.#deadlines.schedule({ id, at: 0 }, 'webhook', this.#retry);
    }
    return hooks.length;
  }

  /** The worker's part: attempt `attempt` of a delivery. Throws when the subscriber did not take it, so the job is tried again. */
  async deliver(id: string, attempt: number): Promise<DeliveryStatus> {
    const delivery = await this.#models.webhookDeliveries.findById(id).lean<WebhookDeliveryRecord>();
    if (!delivery || delivery.status !== 'delivering') return delivery?.status ?? 'failed';
    const [hook, notification] = await Promise.all([this.#models.webhooks.findById(delivery.webhookId).lean<WebhookRecord>(), this.#models.notifications.findById(delivery.notificationId).lean<NotificationRecord>()]);
    if (!hook || hook.disabled || !notification) return this.#record(delivery, attempt, { status: null, error: 'the webhook was disabled before the notification reached it' }, true);
    const outcome = await post(hook, id, notification, this.#now());
    const status = await this.#record(delivery, attempt, outcome, attempt >= this.#retry.attempts);
    if (status === 'delivering' || status === 'failed') {
      this.#log.warn({ webhook: hook.name, delivery: id, attempt, status: outcome.status, error: outcome.error }, status === 'failed' ? 'a webhook delivery failed for good' : 'a webhook delivery failed; it is tried again');
      if (status === 'delivering') throw new Error(`webhook ${hook.name} did not take delivery ${id}: ${outcome.error ?? outcome.status}`);
    }
    return status;
  }

  async #record(delivery: WebhookDeliveryRecord, attempt: number, outcome: { status: number | null; error: string | null }, last: boolean): Promise<DeliveryStatus> {
    const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const status: DeliveryStatus = delivered ? 'delivered' : last ? 'failed' : 'delivering';
    const at = this.#now();
    await this.#models.webhookDeliveries.updateOne({ _id: delivery._id }, { $set: { status, attempts: attempt, lastStatus: outcome.status, lastError: outcome.error, lastAttemptAt: at, deliveredAt: delivered ? at : null } });
    return status;
  }

  async #existing(id: string): Promise<WebhookRecord> {
    const record = await this.#models.webhooks.findById(id, { secret: 0 }).lean<WebhookRecord>();
    if (!record) throw new NotFoundError('webhook', id);
    return record;
  }

  #audit(by: Actor, action: string, target: string, detail: Record<string, unknown>): Promise<unknown> {
    return this.#models.adminLog.create({ _id: randomUUID(), at: this.#now(), actor: by.username, action, target, detail: JSON.stringify(detail) });
  }
}

/** One POST of the notification, signed; its HTTP status, or why it got none. */
async function post(hook: WebhookRecord, id: string, notification: NotificationRecord, at: Date): Promise<{ status: number | null; error: string | null }> {
  const body = JSON.stringify({ id, event: notification.kind, at: new Date(notification.at).toISOString(), notification: { id: notification._id, kind: notification.kind, message: notification.message, by: notification.by ?? null, unit: notification.unit ?? null, caseId: notification.caseId, audience: notification.audience } });
  try {
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-govflow-event': notification.kind, 'x-govflow-delivery': id, 'x-govflow-signature': signatureHeader(hook.secret, body, at) },
      body,
      // a subscriber's redirect is not followed: the signed body goes only where it was configured to
      redirect: 'manual',
      signal: AbortSignal.timeout(deliveryTimeoutMs),
    });
    await response.body?.cancel();
    return { status: response.status, error: response.ok ? null : `answered ${response.status}` };
  } catch (error) {
    return { status: null, error: (error as Error).message };
  }
}

function viewOf({ _id, secret: _secret, ...record }: WebhookRecord, failed: number): WebhookView {
  return { id: _id, ...record, failed };
}

function webhookProblems(input: NewWebhook): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  let url: URL | null = null;
  try {
    url = new URL(input.url);
  } catch {
    problems.push({ path: 'url', message: 'not a URL' });
  }
  if (url && !['http:', 'https:'].includes(url.protocol)) problems.push({ path: 'url', message: 'must be an http or https URL' });
  if (url && (url.username || url.password)) problems.push({ path: 'url', message: 'must not carry credentials: the signature says who sent it' });
  if (input.events.some((event) => !/^(\*|[a-z][a-z0-9.-]*)$/.test(event))) problems.push({ path: 'events', message: 'each is a notification kind such as case.decided, or *' });
  return problems;
}
