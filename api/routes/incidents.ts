import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

export const incidentRoutes = [
  defineRoute({
    method: 'get',
    path: '/incidents',
    summary: 'Incidents: commands the process engine failed on (element, error, time, attempts), the latest failure first',
    tag: 'incidents',
    access: ['admin', 'supervisor'],
    query: z.strictObject({ status: z.enum(['open', 'resolved']).default('open'), ...pageQuery }),
    responses: { 200: '{items, total}: a page of the incidents', 403: 'neither an administrator nor the supervision office' },
    async handler({ query, actor, govflow }) {
      return { body: await govflow.incidents.list(query.status, { limit: query.limit, offset: query.offset }, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/incidents/{id}',
    summary: 'One incident',
    tag: 'incidents',
    access: ['admin', 'supervisor'],
    responses: { 200: 'the incident', 404: 'no such incident' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.incidents.get(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/incidents/{id}/retry',
    summary: 'Re-run the failed command as recorded, as the person who ran it; it resolves the incident when it goes through',
    tag: 'incidents',
    access: ['admin'],
    responses: {
      200: 'the command went through; the resolved incident',
      403: 'not an administrator',
      404: 'no such incident',
      409: 'it failed again (the incident counts the attempt), the incident is resolved already, or its command cannot be retried',
    },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.incidents.retry(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/incidents/{id}/close',
    summary: 'Close an incident without re-running anything: the case was put right another way, or its command cannot run again',
    tag: 'incidents',
    access: ['admin'],
    body: z.strictObject({ note: z.string().trim().min(2, 'say how it was dealt with').max(2000) }),
    responses: { 200: 'the resolved incident', 403: 'not an administrator', 404: 'no such incident', 409: 'resolved already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.incidents.close(params.id, body.note, actor) };
    },
  }),
];
