import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../../engine';

const issuer = 'govflow';

/** What an access token says: whose it is, which of their session versions, and which sign-in (refresh family) it belongs to. */
export interface AccessClaims {
  username: string;
  sessionVersion: number;
  /** The sign-in it came from; a cookie session's CSRF token is bound to it. */
  sessionId: string;
}

/**
 * Signs and verifies short-lived access tokens (HS256 JWTs). The secret comes from
 * GOVFLOW_JWT_SECRET and is shared by every API node, so any node accepts any node's tokens. The
 * token carries no roles: each request reads them from the user's current account.
 */
export class TokenService {
  readonly #key: Uint8Array;
  readonly #ttlSeconds: number;

  constructor(secret: string, ttlSeconds: number) {
    if (secret.length < 32) throw new Error('GOVFLOW_JWT_SECRET must be at least 32 characters');
    this.#key = new TextEncoder().encode(secret);
    this.#ttlSeconds = ttlSeconds;
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds;
  }

  issue(claims: AccessClaims): Promise<string> {
    return new SignJWT({ sv: claims.sessionVersion, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.username)
      .setJti(randomUUID()) // two tokens issued in one second still differ
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.#ttlSeconds}s`)
      .sign(this.#key);
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer, algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
      return { username: String(payload.sub), sessionVersion: typeof payload.sv === 'number' ? payload.sv : 0, sessionId: typeof payload.sid === 'string' ? payload.sid : '' };
    } catch (error) {
      throw new UnauthenticatedError(`the bearer token is not valid: ${(error as Error).message}`);
    }
  }
}
