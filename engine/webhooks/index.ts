export { Webhooks, type DeliveryView, type NewWebhook, type WebhookRetry, type WebhookView } from './webhooks';
export { notificationIdOf, outgoingJobId } from './webhook-jobs';
