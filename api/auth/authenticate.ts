import type { Context, Next } from 'koa';
import { ForbiddenError, isStoreUnavailable, ServiceUnavailableError, UnauthenticatedError, hasRole, type Actor, type Role } from '../../engine';
import type { AccountCache } from './account-cache';
import type { SessionCookies } from './session-cookies';
import type { TokenService } from './tokens';

/** What authenticate needs: the token check, this node's account cache, and the web session's cookies. */
export interface Authenticators {
  tokens: TokenService;
  accounts: AccountCache;
  cookies: SessionCookies;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the caller into ctx.state.actor from an `Authorization: Bearer` token (API clients) or,
 * without one, the web app's session cookie; routes decide whether one is needed. Every request
 * checks the token against the user's current account (through the node's few-second cache), so
 * a disabled user or an ended session is refused on every node within seconds and roles are the
 * current ones. A cookie-authenticated request that changes state must echo the session's CSRF
 * token. A failure is kept as the reason a protected route refuses, so it does not break the
 * public ones (sign-in, public progress) a browser may call with a stale credential.
 */
export function authenticate(auth: Authenticators) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const header = ctx.get('authorization');
    const cookie = header ? undefined : auth.cookies.access(ctx);
    if (header || cookie) {
      try {
        ctx.state.actor = await callerOf(ctx, auth, header ? bearerToken(header) : (cookie as string), cookie !== undefined);
      } catch (error) {
        // an account the store cannot read now is a 503 like any other read, not a failed sign-in
        ctx.state.authFailure = isStoreUnavailable(error) ? new ServiceUnavailableError('store', error) : error;
      }
    }
    await next();
  };
}

async function callerOf(ctx: Context, auth: Authenticators, token: string, viaCookie: boolean): Promise<Actor> {
  const claims = await auth.tokens.verify(token);
  const account = await auth.accounts.get(claims.username);
  if (!account) throw new UnauthenticatedError('the user of this token no longer exists');
  if (account.disabled) throw new UnauthenticatedError('this account is disabled');
  if (account.sessionVersion !== claims.sessionVersion) throw new UnauthenticatedError('this session was ended by an administrator; sign in again');
  if (viaCookie && !safeMethods.has(ctx.method) && !auth.cookies.csrfMatches(ctx, claims.sessionId)) {
    throw new ForbiddenError('the X-CSRF-Token header is missing or does not match this session');
  }
  return account.actor;
}

function bearerToken(header: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The caller, who must be signed in and hold one of `roles`. */
export function requireActor(ctx: Context, roles: readonly Role[]): Actor {
  const actor = ctx.state.actor as Actor | undefined;
  if (!actor) throw ctx.state.authFailure ?? new UnauthenticatedError();
  if (!hasRole(actor, ...roles)) throw new ForbiddenError(`this action needs one of the roles ${roles.join(', ')}`);
  return actor;
}
