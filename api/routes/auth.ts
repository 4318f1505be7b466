import { z } from 'zod';
import { UnauthenticatedError } from '../../engine';
import { defineRoute } from '../http/route';

const credentials = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/token',
    summary: 'Exchange a username and password for a bearer token',
    tag: 'auth',
    access: 'public',
    body: credentials,
    responses: { 200: 'a token and when it expires', 401: 'wrong username or password', 429: 'too many failed sign-ins for the account or from the address; Retry-After says when to try again' },
    async handler({ body, ctx, govflow, tokens }) {
      const actor = await govflow.signIns.attempt(body.username, ctx.ip, () => govflow.users.authenticate(body.username, body.password));
      if (!actor) throw new UnauthenticatedError('wrong username or password');
      return { body: { token: await tokens.issue(actor), expiresIn: tokens.ttlSeconds, username: actor.username, roles: actor.roles, department: actor.department, groups: actor.groups } };
    },
  }),
];
