import { z } from 'zod';
import { defineRoute } from '../http/route';

export const publicRoutes = [
  defineRoute({
    method: 'get',
    path: '/public/progress/{receiptNo}',
    summary: 'Progress of an application by receipt number and query code: status and step names only',
    tag: 'public',
    access: 'public',
    query: z.object({ code: z.string().min(4).max(32) }),
    responses: { 200: 'the progress', 404: 'unknown receipt number or wrong code' },
    async handler({ params, query, govflow }) {
      return { body: await govflow.cases.progress(params.receiptNo, query.code) };
    },
  }),
];
