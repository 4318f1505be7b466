import { z } from 'zod';
import { defineRoute } from '../http/route';

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    summary: 'My in-app notifications: cards on my steps, notices to my department, replies for the office',
    tag: 'notifications',
    access: ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'],
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    responses: { 200: 'the notifications, newest first' },
    async handler({ query, actor, govflow }) {
      const items = (await govflow.listNotifications(actor, query.limit)).map(({ _id, ...notification }) => ({ id: _id, ...notification }));
      return { body: { items, total: items.length } };
    },
  }),
];
