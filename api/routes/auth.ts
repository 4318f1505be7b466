import type { Context } from 'koa';
import { z } from 'zod';
import { ForbiddenError, roles, UnauthenticatedError, type Actor } from '../../engine';
import type { AuthServices } from '../auth/auth-services';
import type { IssuedSession } from '../auth/sessions';
import { defineRoute } from '../http/route';

const credentials = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  /** `cookie`: the web app's session, set as httpOnly cookies and never handed to page scripts. */
  session: z.enum(['cookie', 'bearer']).optional(),
});
const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(256).optional() });

const whoami = (actor: Actor) => ({ username: actor.username, roles: actor.roles, department: actor.department, groups: actor.groups });
const bearerPair = (session: IssuedSession) => ({ token: session.accessToken, expiresIn: session.expiresIn, refreshToken: session.refreshToken, refreshExpiresIn: session.refreshExpiresIn });

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/token',
    summary: 'Sign in: an access token and a refresh token, or with session "cookie" the web app\'s httpOnly session cookies',
    tag: 'auth',
    access: 'public',
    body: credentials,
    responses: { 200: 'who signed in, and the tokens unless the session is a cookie one', 401: 'wrong username or password, or the account is disabled', 429: 'too many failed sign-ins for the account or from the address; Retry-After says when to try again' },
    async handler({ body, govflow, auth, ctx }) {
      const actor = await govflow.signIns.attempt(body.username, ctx.ip, () => govflow.users.authenticate(body.username, body.password));
      if (!actor) throw new UnauthenticatedError('wrong username or password');
      const account = await govflow.userAdmin.account(actor.username);
      if (!account || account.disabled) throw new UnauthenticatedError('this account is disabled');
      const cookie = body.session === 'cookie';
      const session = await auth.sessions.start(account, cookie ? 'cookie' : 'body');
      if (cookie) auth.cookies.set(ctx, session);
      return { body: { ...whoami(session.actor), ...(cookie ? { expiresIn: session.expiresIn } : bearerPair(session)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/refresh',
    summary: 'Exchange a refresh token (in the body, or the session cookie with X-CSRF-Token) for a new pair; the old one is spent, and spending it again revokes the sign-in',
    tag: 'auth',
    access: 'public',
    body: refreshBody,
    responses: { 200: 'the new pair (or new cookies)', 401: 'the refresh token is not valid, expired, revoked or reused', 403: 'a cookie refresh without the session\'s X-CSRF-Token' },
    async handler({ body, auth, ctx }) {
      const { token, cookie } = refreshTokenOf(ctx, auth, body.refreshToken);
      const session = await auth.sessions.refresh(token, cookie ? csrfCheck(ctx, auth) : undefined);
      if (cookie) auth.cookies.set(ctx, session);
      return { body: { ...whoami(session.actor), ...(cookie ? { expiresIn: session.expiresIn } : bearerPair(session)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sign-out',
    summary: 'Sign out: the refresh token (body or cookie) and every token refreshed from the same sign-in stop working; the cookies are cleared',
    tag: 'auth',
    access: 'public',
    body: refreshBody,
    responses: { 204: 'signed out', 401: 'no refresh token given', 403: 'a cookie sign-out without the session\'s X-CSRF-Token' },
    async handler({ body, auth, ctx }) {
      const { token, cookie } = refreshTokenOf(ctx, auth, body.refreshToken);
      await auth.sessions.end(token, cookie ? csrfCheck(ctx, auth) : undefined);
      if (cookie) auth.cookies.clear(ctx);
      return { status: 204, body: null };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/session',
    summary: 'Who is signed in, by name, with their current roles, department (and its name) and groups (the web app asks this on every page)',
    tag: 'auth',
    access: roles,
    responses: { 200: 'the signed-in user' },
    async handler({ actor, govflow }) {
      const names = await govflow.names.names({ people: [actor.username], units: [actor.department] });
      return { body: { ...whoami(actor), name: names.people[actor.username] ?? null, departmentName: actor.department ? (names.units[actor.department] ?? null) : null } };
    },
  }),
];

/** The refresh token from the body (API clients) or else the web session's cookie. */
function refreshTokenOf(ctx: Context, auth: AuthServices, fromBody: string | undefined): { token: string; cookie: boolean } {
  if (fromBody) return { token: fromBody, cookie: false };
  const cookie = auth.cookies.refresh(ctx);
  if (!cookie) throw new UnauthenticatedError('send the refresh token, or the session cookie');
  return { token: cookie, cookie: true };
}

function csrfCheck(ctx: Context, auth: AuthServices): (sessionId: string) => void {
  return (sessionId) => {
    if (!auth.cookies.csrfMatches(ctx, sessionId)) throw new ForbiddenError('the X-CSRF-Token header is missing or does not match this session');
  };
}
