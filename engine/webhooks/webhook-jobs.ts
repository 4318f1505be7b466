/** The durable jobs of notifications going out: one per notification to find its subscribers, one per subscriber to deliver it. */

/** The job that hands a notification to the webhooks hearing its kind; one per notification, however often the outbox is applied. */
export function outgoingJobId(notificationId: string): string {
  return `notify~${notificationId}`;
}

export function notificationIdOf(jobId: string): string {
  return jobId.slice('notify~'.length);
}

/** A notification's delivery to one webhook, which is also its delivery job's id. */
export function deliveryId(notificationId: string, webhookId: string): string {
  return `${notificationId}~${webhookId}`;
}
