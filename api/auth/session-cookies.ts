import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { IssuedSession } from './sessions';

/** Cookie names; the CSRF one is readable by the page so it can echo it in X-CSRF-Token. */
export const cookieNames = { access: 'govflow_access', refresh: 'govflow_refresh', csrf: 'govflow_csrf' } as const;
export const csrfHeader = 'x-csrf-token';

/**
 * The web app's session: the access and refresh tokens in httpOnly cookies page scripts cannot
 * read (access on /api, refresh only on /api/auth), SameSite=Strict so no other site's page sends
 * them, Secure when the request came over https. Strict breaks nothing here: the pages are
 * static and fetch their data after loading, so a link from elsewhere lands on the page and its
 * own requests carry the cookies. The CSRF token is an HMAC of the sign-in's id under the JWT
 * secret: double-submitted through a readable cookie and the X-CSRF-Token header, and bound to
 * the session, so a cookie planted by a sibling host does not pass.
 */
export class SessionCookies {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('govflow csrf').digest();
  }

  csrfToken(sessionId: string): string {
    return createHmac('sha256', this.#key).update(sessionId).digest('base64url');
  }

  /** Whether the request's X-CSRF-Token is the one of `sessionId`. */
  csrfMatches(ctx: Context, sessionId: string): boolean {
    const sent = Buffer.from(ctx.get(csrfHeader));
    const expected = Buffer.from(this.csrfToken(sessionId));
    return sessionId !== '' && sent.length === expected.length && timingSafeEqual(sent, expected);
  }

  set(ctx: Context, session: IssuedSession): void {
    const common = { sameSite: 'strict', overwrite: true } as const;
    ctx.cookies.set(cookieNames.access, session.accessToken, { ...common, httpOnly: true, path: '/api', maxAge: session.expiresIn * 1000 });
    ctx.cookies.set(cookieNames.refresh, session.refreshToken, { ...common, httpOnly: true, path: '/api/auth', maxAge: session.refreshExpiresIn * 1000 });
    ctx.cookies.set(cookieNames.csrf, this.csrfToken(session.sessionId), { ...common, httpOnly: false, path: '/', maxAge: session.refreshExpiresIn * 1000 });
  }

  clear(ctx: Context): void {
    const common = { sameSite: 'strict', overwrite: true } as const; // an empty value expires the cookie
    ctx.cookies.set(cookieNames.access, '', { ...common, httpOnly: true, path: '/api' });
    ctx.cookies.set(cookieNames.refresh, '', { ...common, httpOnly: true, path: '/api/auth' });
    ctx.cookies.set(cookieNames.csrf, '', { ...common, httpOnly: false, path: '/' });
  }

  access(ctx: Context): string | undefined {
    return ctx.cookies.get(cookieNames.access) || undefined;
  }

  refresh(ctx: Context): string | undefined {
    return ctx.cookies.get(cookieNames.refresh) || undefined;
  }
}
