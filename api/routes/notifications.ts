import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    summary: 'My in-app notifications: cards on my steps, notices to my department, replies for the office',
    tag: 'notifications',
    access: ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'],
    query: z.strictObject(pageQuery),
    responses: { 200: '{items, total}: a page of the notifications, newest first' },
    async handler({ query, actor, govflow }) {
      const { items, total } = await govflow.supervision.listNotifications(actor, query);
      return { body: { items: items.map(({ _id, audienceKeys: _keys, ...notification }) => ({ id: _id, ...notification })), total } };
    },
  }),
];
