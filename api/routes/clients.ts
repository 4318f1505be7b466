import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

const admins = ['admin'] as const;
const topics = z.array(z.string().min(1).max(128)).min(1).max(100);

/**
 * Client credentials of other departments' systems, for administrators: issue (the secret is
 * answered once), rotate the secret, set the topics, revoke. A client signs in at /auth/token
 * with its id as username and its secret as password. Each change is audited on the client's
 * own chain (GET /users/{id}/audit) and takes effect on every node within seconds.
 */
export const clientRoutes = [
  defineRoute({
    method: 'get',
    path: '/clients',
    summary: 'Machine clients (the system role) by id, a page at a time, with their topics (never their secrets)',
    tag: 'clients',
    access: admins,
    query: z.strictObject(pageQuery),
    responses: { 200: '{items, total}: a page of clients' },
    async handler({ query, actor, govflow }) {
      return { body: await govflow.clients.list({ limit: query.limit, offset: query.offset }, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/clients',
    summary: "Issue client credentials for another department's system, scoped to the external-task topics it works; the secret is in this answer only",
    tag: 'clients',
    access: admins,
    body: z.strictObject({ clientId: z.string().min(1).max(64), topics, department: z.string().min(1).max(128).nullable().optional() }),
    responses: { 201: 'the client with its clientSecret, shown this once', 403: "a department outside the caller's jurisdiction", 409: 'a user or client of that name exists', 422: 'a bad client id or topic' },
    async handler({ body, actor, govflow }) {
      return { status: 201, body: await govflow.clients.issue(body, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/clients/{clientId}',
    summary: 'One machine client',
    tag: 'clients',
    access: admins,
    responses: { 200: 'the client', 404: 'no such client' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.clients.get(params.clientId, actor) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/clients/{clientId}/topics',
    summary: 'Set the topics a client may fetch and work; effective on every node within seconds',
    tag: 'clients',
    access: admins,
    body: z.strictObject({ topics }),
    responses: { 200: 'the client with its new topics', 404: 'no such client', 422: 'a bad topic' },
    async handler({ params, body, actor, govflow, auth }) {
      const client = await govflow.clients.setTopics(params.clientId, body.topics, actor);
      auth.accounts.forget(params.clientId);
      return { body: client };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/clients/{clientId}/secret',
    summary: 'Rotate a client’s secret: the new one is in this answer only; the old one and its tokens stop working',
    tag: 'clients',
    access: admins,
    responses: { 200: 'the client with its new clientSecret', 404: 'no such client' },
    async handler({ params, actor, govflow, auth }) {
      const client = await govflow.clients.rotate(params.clientId, actor);
      auth.accounts.forget(params.clientId);
      return { body: client };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/clients/{clientId}/revoke',
    summary: 'Revoke a client: no sign-in, and its tokens refused on every node within seconds; its locks end with their time',
    tag: 'clients',
    access: admins,
    responses: { 200: 'the client, disabled', 404: 'no such client' },
    async handler({ params, actor, govflow, auth }) {
      const client = await govflow.clients.revoke(params.clientId, actor);
      auth.accounts.forget(params.clientId);
      return { body: client };
    },
  }),
];
