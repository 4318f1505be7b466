import type { Context, Next } from 'koa';
import { ForbiddenError, UnauthenticatedError, hasRole, type Actor, type Role } from '../../engine';
import type { TokenService } from './tokens';

/**
 * Reads an `Authorization: Bearer` token into ctx.state.actor; routes decide whether one is
 * needed. A malformed or stale token is kept as the reason a protected route refuses, so it does
 * not break the public ones (sign-in, public progress) a browser may call with it.
 */
export function authenticate(tokens: TokenService) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const header = ctx.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) ctx.state.authFailure = new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
      else ctx.state.actor = await tokens.verify(match[1]).catch((error: unknown) => void (ctx.state.authFailure = error));
    }
    await next();
  };
}

/** The caller, who must be signed in and hold one of `roles`. */
export function requireActor(ctx: Context, roles: readonly Role[]): Actor {
  const actor = ctx.state.actor as Actor | undefined;
  if (!actor) throw ctx.state.authFailure ?? new UnauthenticatedError();
  if (!hasRole(actor, ...roles)) throw new ForbiddenError(`this action needs one of the roles ${roles.join(', ')}`);
  return actor;
}
