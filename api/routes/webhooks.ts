import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

const admins = ['admin'] as const;

/**
 * Outbound webhooks, for administrators: a city connects its SMS gateway or app to the
 * notifications (补正 asked, decided, a rating's answer …) without code in govflow. Each delivery
 * is signed (X-Govflow-Signature) and tried again with back-off; the failed ones are listed.
 */
export const webhookRoutes = [
  defineRoute({
    method: 'post',
    path: '/webhooks',
    summary: 'Add a webhook: the notifications of the listed kinds (or *) are POSTed to its URL, signed with the secret this answer alone shows',
    tag: 'webhooks',
    access: admins,
    body: z.strictObject({
      name: z.string().trim().min(1).max(100),
      url: z.string().min(1).max(2000),
      events: z.array(z.string().min(1).max(100)).min(1).max(50),
    }),
    responses: { 201: 'the webhook, with its secret', 422: 'a URL that is not http(s) or carries credentials, or an event that is no notification kind' },
    async handler({ body, actor, govflow }) {
      return { status: 201, body: await govflow.webhooks.create(body, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/webhooks',
    summary: 'The webhooks, oldest first, each with how many deliveries failed for good',
    tag: 'webhooks',
    access: admins,
    responses: { 200: '{items}' },
    async handler({ govflow }) {
      return { body: { items: await govflow.webhooks.list() } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/webhooks/{id}/disable',
    summary: 'Stop delivering to a webhook; deliveries still being tried end as failed',
    tag: 'webhooks',
    access: admins,
    responses: { 200: 'the disabled webhook', 404: 'no such webhook', 409: 'disabled already' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.webhooks.disable(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    summary: "A webhook's deliveries, newest first: status, attempts, the subscriber's last answer or error",
    tag: 'webhooks',
    access: admins,
    query: z.strictObject({ status: z.enum(['delivering', 'delivered', 'failed']).optional(), ...pageQuery }),
    responses: { 200: '{items, total}', 404: 'no such webhook' },
    async handler({ params, query, govflow }) {
      return { body: await govflow.webhooks.deliveries(params.id, query.status, { limit: query.limit, offset: query.offset }) };
    },
  }),
];
