import { z } from 'zod';
import { NotFoundError } from '../../engine';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

const admins = ['admin'] as const;
const name = z.string().min(1).max(64);
const personName = z.string().min(1).max(64);
const access = {
  roles: z.array(z.string().max(32)).min(1).max(16),
  department: z.string().min(1).max(128).nullable().optional(),
  groups: z.array(z.string().min(1).max(128)).max(64).optional(),
};

/**
 * User administration, for administrators only: each change is audited on the user's own hash
 * chain, and takes effect on every API node within seconds (this node forgets its cached copy at
 * once). Unlocking a sign-in lockout lives beside these, in user-lockouts.ts.
 */
export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/users',
    summary: "The users of the caller's jurisdiction by name, a page at a time (never their password hashes)",
    tag: 'users',
    access: admins,
    query: z.strictObject(pageQuery),
    responses: { 200: '{items, total}: a page of users' },
    async handler({ query, actor, govflow }) {
      return { body: await govflow.userAdmin.list({ limit: query.limit, offset: query.offset }, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    summary: 'Create a user',
    tag: 'users',
    access: admins,
    body: z.strictObject({ username: name, name: personName.optional(), password: z.string().min(1).max(256), ...access, department: z.string().min(1).max(128).optional() }),
    responses: { 201: 'the user', 403: "a department outside the caller's jurisdiction", 409: 'the name is taken', 422: "a bad name, password, role or group, or a group of a unit outside the caller's jurisdiction" },
    async handler({ body, actor, govflow }) {
      return { status: 201, body: await govflow.userAdmin.create(body, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users/{username}',
    summary: 'One user',
    tag: 'users',
    access: admins,
    responses: { 200: 'the user', 404: "no such user in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.userAdmin.get(params.username, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users/{username}/disable',
    summary: 'Disable a user: no sign-in, no refresh, and their tokens refused on every node within seconds',
    tag: 'users',
    access: admins,
    responses: { 200: 'the user, disabled', 404: "no such user in the caller's jurisdiction", 409: 'an administrator disabling themself' },
    async handler({ params, actor, govflow, auth }) {
      const user = await govflow.userAdmin.disable(params.username, actor);
      auth.accounts.forget(params.username);
      return { body: user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users/{username}/enable',
    summary: 'Enable a disabled user; they sign in again (tokens from before stay refused)',
    tag: 'users',
    access: admins,
    responses: { 200: 'the user, enabled', 404: "no such user in the caller's jurisdiction" },
    async handler({ params, actor, govflow, auth }) {
      const user = await govflow.userAdmin.enable(params.username, actor);
      auth.accounts.forget(params.username);
      return { body: user };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/users/{username}/access',
    summary: "Set a user's roles, and their department and candidate groups when given; effective on every node within seconds",
    tag: 'users',
    access: admins,
    body: z.strictObject(access),
    responses: { 200: 'the user with the new access', 403: "a department outside the caller's jurisdiction", 404: "no such user in the caller's jurisdiction", 422: "an unknown role, a malformed group or one of a unit outside the caller's jurisdiction" },
    async handler({ params, body, actor, govflow, auth }) {
      const user = await govflow.userAdmin.setAccess(params.username, body, actor);
      auth.accounts.forget(params.username);
      return { body: user };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/users/{username}/name',
    summary: "Set the person's name, shown instead of the username in every answer a page shows",
    tag: 'users',
    access: admins,
    body: z.strictObject({ name: personName }),
    responses: { 200: 'the user with the new name', 404: "no such user in the caller's jurisdiction", 422: 'an empty name, or one with line breaks' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.userAdmin.rename(params.username, body.name, actor) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/users/{username}/identity',
    summary: "Link the user to a person of the OpenID provider (统一身份认证) by their subject, so they sign in there as this user; null unlinks",
    tag: 'users',
    access: admins,
    body: z.strictObject({ subject: z.string().trim().min(1).max(255).nullable() }),
    responses: { 200: 'the user and the subject now linked', 404: "no such user in the caller's jurisdiction, no link to remove, or no OpenID provider configured", 409: 'the subject is linked to another user' },
    async handler({ params, body, actor, govflow, auth }) {
      if (!auth.oidc) throw new NotFoundError('identity provider', 'oidc');
      const user = body.subject === null ? await govflow.identities.unlink(params.username, actor) : await govflow.identities.link(params.username, body.subject, auth.oidc.issuer, actor);
      return { body: { ...user, subject: body.subject } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users/{username}/audit',
    summary: "A user's administration trail in order (created, disabled, enabled, access set)",
    tag: 'users',
    access: admins,
    responses: { 200: '{items, total}: the entries', 404: "no such user in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      await govflow.userAdmin.get(params.username, actor);
      return { body: await govflow.userAdmin.trail.answer(params.username) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users/{username}/audit/verify',
    summary: "Verify a user's administration hash chain: any changed, removed or reordered entry shows",
    tag: 'users',
    access: admins,
    responses: { 200: '{ok, entries} and the first problem when not ok', 404: "no such user in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      await govflow.userAdmin.get(params.username, actor);
      return { body: await govflow.userAdmin.trail.verify(params.username) };
    },
  }),
];
