import { UnauthenticatedError, type Actor, type Govflow, type RefreshTokenPolicy, type UserAccount } from '../../engine';
import type { AccountCache } from './account-cache';
import type { TokenService } from './tokens';

/** A signed-in session as the token endpoints hand it out. */
export interface IssuedSession {
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds the refresh token lives: each refresh starts the span again. */
  refreshExpiresIn: number;
  /** The sign-in (refresh family) both belong to. */
  sessionId: string;
  /** Who it is for, as their account is now. */
  actor: Actor;
}

export type Transport = 'cookie' | 'body';

/**
 * Starts, refreshes and ends sessions: a short-lived access token plus a rotating refresh token
 * (engine RefreshTokens). Refreshing reads the account from the store, not the node's cache, so
 * a disabled user gets no new access token anywhere; a token issued from a fresh read makes the
 * node forget its cached view, which may be older (an account enabled on another node).
 */
export class Sessions {
  readonly #govflow: Govflow;
  readonly #tokens: TokenService;
  readonly #policy: RefreshTokenPolicy;
  readonly #accounts: AccountCache;

  constructor(govflow: Govflow, tokens: TokenService, policy: RefreshTokenPolicy, accounts: AccountCache) {
    this.#govflow = govflow;
    this.#tokens = tokens;
    this.#policy = policy;
    this.#accounts = accounts;
  }

  async start(account: UserAccount, transport: Transport): Promise<IssuedSession> {
    const refresh = await this.#govflow.refreshTokens.issue(account.actor.username, transport, this.#policy);
    return this.#issue(account, refresh);
  }

  /** The next pair for a live refresh token; `check` sees the sign-in's id before anything changes (the CSRF check of a cookie session). */
  async refresh(refreshToken: string, check: (sessionId: string) => void = () => undefined): Promise<IssuedSession> {
    const { username, next } = await this.#govflow.refreshTokens.rotate(refreshToken, this.#policy, check);
    const account = await this.#govflow.userAdmin.account(username);
    if (!account || account.disabled) {
      await this.#govflow.refreshTokens.revokeUser(username);
      throw new UnauthenticatedError(account ? 'this account is disabled' : 'the user of this session no longer exists');
    }
    return this.#issue(account, next);
  }

  /** Sign-out: the refresh token's whole sign-in ends. */
  end(refreshToken: string, check: (sessionId: string) => void = () => undefined): Promise<void> {
    return this.#govflow.refreshTokens.revoke(refreshToken, check);
  }

  async #issue(account: UserAccount, refresh: { token: string; family: string }): Promise<IssuedSession> {
    this.#accounts.forget(account.actor.username);
    const accessToken = await this.#tokens.issue({ username: account.actor.username, sessionVersion: account.sessionVersion, sessionId: refresh.family });
    return { accessToken, expiresIn: this.#tokens.ttlSeconds, refreshToken: refresh.token, refreshExpiresIn: this.#policy.ttlSeconds, sessionId: refresh.family, actor: account.actor };
  }
}
