import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

const readers = ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'] as const;

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    summary: 'My in-app notifications: urges, copies, returns, delegations, cards on my steps, notices to my department, replies for the office',
    tag: 'notifications',
    access: readers,
    query: z.strictObject(pageQuery),
    responses: { 200: '{items, total, unseen, names}: a page of the notifications, newest first, how many came since I last looked (at most 100), and the names of who acted and where' },
    async handler({ query, actor, govflow }) {
      const { items, total, unseen, names } = await govflow.supervision.listNotifications(actor, query);
      return { body: { items: items.map(({ _id, audienceKeys: _keys, ...notification }) => ({ id: _id, ...notification })), total, unseen, names } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/seen',
    summary: 'I have looked at my notifications: the bell counts only newer ones',
    tag: 'notifications',
    access: readers,
    responses: { 200: '{seenAt}' },
    async handler({ actor, govflow }) {
      return { body: await govflow.supervision.markNotificationsSeen(actor) };
    },
  }),
];
