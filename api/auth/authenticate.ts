import type { Context, Next } from 'koa';
import { ForbiddenError, UnauthenticatedError, hasRole, type Actor, type Role } from '../../engine';
import type { TokenService } from './tokens';

/** Reads an `Authorization: Bearer` token into ctx.state.actor; routes decide whether one is needed. */
export function authenticate(tokens: TokenService) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const header = ctx.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
      ctx.state.actor = await tokens.verify(match[1]);
    }
    await next();
  };
}

/** The caller, who must be signed in and hold one of `roles`. */
export function requireActor(ctx: Context, roles: readonly Role[]): Actor {
  const actor = ctx.state.actor as Actor | undefined;
  if (!actor) throw new UnauthenticatedError();
  if (!hasRole(actor, ...roles)) throw new ForbiddenError(`this action needs one of the roles ${roles.join(', ')}`);
  return actor;
}
