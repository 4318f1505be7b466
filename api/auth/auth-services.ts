import type { Govflow } from '../../engine';
import { AccountCache } from './account-cache';
import type { Authenticators } from './authenticate';
import { OidcSignIn, type OidcOptions } from './oidc-sign-in';
import { SessionCookies } from './session-cookies';
import { Sessions } from './sessions';
import { TokenService } from './tokens';

/** How sessions behave; every field optional, defaults documented. */
export interface AuthOptions {
  /** HS256 secret shared by all API nodes (GOVFLOW_JWT_SECRET), at least 32 characters. */
  jwtSecret: string;
  /** Access token lifetime; default 10 minutes. */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime, i.e. how long a sign-in lasts unused; default 12 hours. */
  refreshTokenTtlSeconds?: number;
  /** How long a node trusts its copy of an account (disabled, roles) before reading it again; default 3 s. */
  accountCacheMs?: number;
  /** A cookie session's refresh token used twice this close together is two tabs, not a replay; default 10 s. */
  cookieReuseGraceSeconds?: number;
  /** Sign-in through the installation's OpenID provider (统一身份认证); password sign-in only when absent. */
  oidc?: OidcOptions;
}

/** What the auth middleware and the auth routes share on one node. */
export interface AuthServices extends Authenticators {
  sessions: Sessions;
  /** The OpenID provider's sign-in, when one is configured. */
  oidc: OidcSignIn | null;
}

export function createAuthServices(govflow: Govflow, options: AuthOptions): AuthServices {
  const tokens = new TokenService(options.jwtSecret, options.accessTokenTtlSeconds ?? 600);
  const policy = { ttlSeconds: options.refreshTokenTtlSeconds ?? 12 * 3600, cookieReuseGraceSeconds: options.cookieReuseGraceSeconds ?? 10 };
  const accounts = new AccountCache((username) => govflow.userAdmin.account(username), options.accountCacheMs ?? 3000);
  return {
    tokens,
    accounts,
    cookies: new SessionCookies(options.jwtSecret),
    sessions: new Sessions(govflow, tokens, policy, accounts),
    oidc: options.oidc ? new OidcSignIn(options.oidc, options.jwtSecret) : null,
  };
}
