import type { Context } from 'koa';
import { z } from 'zod';
import { IdentityRefusedError, NotFoundError, ServiceUnavailableError, type Govflow } from '../../engine';
import type { AuthServices } from '../auth/auth-services';
import { OidcFlowError, type OidcSignIn } from '../auth/oidc-sign-in';
import { defineRoute, type RouteAnswer } from '../http/route';

/** A page of this site to land on: one leading slash, so never another site's address. */
const landingPage = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/, 'a path of this site, such as /hall.html')
  .default('/index.html');

/** Why a sign-in through the provider failed, for the sign-in page to say in words. */
type Failure = 'refused' | 'expired' | 'disabled' | 'unavailable';

/**
 * Sign-in through the installation's OpenID provider (统一身份认证): the start sends the browser
 * there, the callback comes back with a code and lands the person on the page they came from,
 * signed in with the web app's session cookies. A failed one lands on the sign-in page, which
 * says why; nothing is signed in.
 */
export const oidcRoutes = [
  defineRoute({
    method: 'get',
    path: '/auth/providers',
    summary: 'How one may sign in besides a password: the OpenID provider (统一身份认证) when one is configured',
    tag: 'auth',
    access: 'public',
    responses: { 200: '{oidc: {label, start} | null}' },
    async handler({ auth }) {
      return { body: { oidc: auth.oidc ? { label: auth.oidc.label, start: '/api/auth/oidc/start' } : null } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/oidc/start',
    summary: 'Start signing in through the OpenID provider: a redirect to it, to come back to the page `return` of this site',
    tag: 'auth',
    access: 'public',
    query: z.strictObject({ return: landingPage }),
    responses: { 302: 'to the provider', 404: 'no OpenID provider is configured', 503: 'the provider cannot be reached' },
    async handler({ query, auth, ctx }) {
      return redirect((await configured(auth).start(ctx, query.return)).href);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/oidc/callback',
    summary: "The provider's answer: signed in with the session cookies and sent to the page the sign-in started from, or to the sign-in page with the reason it failed",
    tag: 'auth',
    access: 'public',
    // the provider's parameters (code, state, iss, error…) are checked by the sign-in, not listed here
    query: z.looseObject({}),
    responses: { 302: 'to the page the sign-in started from, or to the sign-in page with ?signInError=refused|expired|disabled|unavailable', 404: 'no OpenID provider is configured' },
    async handler({ auth, ctx, govflow }) {
      const landing = await signedIn(configured(auth), auth, govflow, ctx).catch((error: unknown) => `/index.html?signInError=${failureOf(error, govflow)}`);
      return redirect(landing);
    },
  }),
];

/** A redirect never stored along the way; its body (Koa answers 204 for none) names where it goes. */
function redirect(location: string): RouteAnswer {
  return { status: 302, body: `Redirecting to ${location}`, type: 'text/plain', headers: { location, 'cache-control': 'no-store' } };
}

function configured(auth: AuthServices): OidcSignIn {
  if (!auth.oidc) throw new NotFoundError('identity provider', 'oidc');
  return auth.oidc;
}

/** Signs the provider's person in as their govflow account; the page to land on. */
async function signedIn(oidc: OidcSignIn, auth: AuthServices, govflow: Govflow, ctx: Context): Promise<string> {
  const { identity, back } = await oidc.finish(ctx);
  const account = await govflow.identities.signIn(identity);
  const session = await auth.sessions.start(account, 'cookie');
  auth.cookies.set(ctx, session);
  govflow.log.info({ username: account.actor.username }, 'signed in through the identity provider');
  return back;
}

function failureOf(error: unknown, govflow: Govflow): Failure {
  govflow.log.warn({ err: error }, 'a sign-in through the identity provider failed');
  if (error instanceof IdentityRefusedError) return 'disabled';
  if (error instanceof OidcFlowError) return error.reason;
  if (error instanceof ServiceUnavailableError) return 'unavailable';
  throw error;
}
