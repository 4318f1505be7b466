import { z } from 'zod';
import { defineRoute } from '../http/route';

const watchers = ['supervisor', 'admin', 'clerk', 'leader'] as const;

const alertFilter = z.strictObject({
  level: z.enum(['yellow', 'red']).optional(),
  kind: z.enum(['case', 'step']).optional(),
  department: z.string().max(100).optional(),
  process: z.string().max(200).optional(),
  status: z.enum(['open', 'resolved', 'closed']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const supervisionRoutes = [
  defineRoute({
    method: 'get',
    path: '/supervision/alerts',
    summary: 'Yellow and red cards, newest first: the office sees all, a department its own',
    tag: 'supervision',
    access: watchers,
    query: alertFilter,
    responses: { 200: 'a page of alerts', 403: 'the caller belongs to no department' },
    async handler({ query, actor, govflow }) {
      const { page, pageSize, from, to, ...filter } = query;
      const { items, total } = await govflow.listAlerts(actor, { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, { page, pageSize });
      return { body: { items, total, page, pageSize } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/supervision/alerts/{id}',
    summary: 'One alert',
    tag: 'supervision',
    access: watchers,
    responses: { 200: 'the alert', 404: 'no such alert, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.getAlert(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/alerts/{id}/close',
    summary: 'The supervision office closes an alert after looking into it',
    tag: 'supervision',
    access: ['supervisor'],
    body: z.strictObject({ note: z.string().trim().min(2, 'say how it was handled').max(2000) }),
    responses: { 200: 'the closed alert', 404: 'no such alert', 409: 'already closed' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.closeAlert(params.id, body.note, actor) };
    },
  }),
];
