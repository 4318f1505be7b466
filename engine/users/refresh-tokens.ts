import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { UnauthenticatedError } from '../errors';
import type { Models } from '../store/models';
import type { RefreshTokenRecord } from '../records';

/** A refresh token as handed to the client once; only its hash is stored. */
export interface IssuedRefreshToken {
  token: string;
  family: string;
  expiresAt: Date;
}

/** How long refresh tokens live and how a cookie session's concurrent refresh is told from a replay. */
export interface RefreshTokenPolicy {
  ttlSeconds: number;
  /** A cookie-held token used again this soon after its first use is a second tab refreshing at once, not a replay. */
  cookieReuseGraceSeconds: number;
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Refresh tokens: opaque random strings stored as SHA-256 hashes, one family per sign-in. Each
 * use (rotate) marks the token used and issues the next of its family; presenting a used token
 * again means it was copied, so the whole family is revoked (RFC 9700 §4.14.2). Used by the
 * API's sign-in, refresh and sign-out, and by user administration to end a disabled user's sessions.
 */
export class RefreshTokens {
  readonly #models: Models;
  readonly #now: () => Date;

  constructor(models: Models, now: () => Date) {
    this.#models = models;
    this.#now = now;
  }

  /** Starts a family (a sign-in) or continues one (a rotation). */
  async issue(username: string, transport: RefreshTokenRecord['transport'], policy: RefreshTokenPolicy, family: string = randomUUID()): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.#now();
    const expiresAt = new Date(createdAt.getTime() + policy.ttlSeconds * 1000);
    await this.#models.refreshTokens.create({ _id: hashOf(token), family, username, transport, createdAt, expiresAt, usedAt: null, revokedAt: null });
    return { token, family, expiresAt };
  }

  /**
   * Exchanges a live token for the next of its family; a replayed one revokes the family and is
   * refused. `check` sees the family before anything changes and may throw (the API's CSRF check).
   */
  async rotate(token: string, policy: RefreshTokenPolicy, check: (family: string) => void): Promise<{ username: string; next: IssuedRefreshToken }> {
    const now = this.#now();
    const record = await this.#models.refreshTokens.findById(hashOf(token)).lean<RefreshTokenRecord>();
    if (!record || record.revokedAt || record.expiresAt <= now) throw new UnauthenticatedError('the refresh token is not valid or has expired; sign in again');
    check(record.family);
    if (record.usedAt) {
      const concurrent = record.transport === 'cookie' && now.getTime() - record.usedAt.getTime() < policy.cookieReuseGraceSeconds * 1000;
      if (!concurrent) {
        await this.#revoke({ family: record.family });
        throw new UnauthenticatedError('the refresh token was used before, so it may have been copied: this sign-in is revoked everywhere; sign in again');
      }
    } else {
      await this.#models.refreshTokens.updateOne({ _id: record._id, usedAt: null }, { $set: { usedAt: now } });
    }
    return { username: record.username, next: await this.issue(record.username, record.transport, policy, record.family) };
  }

  /** Sign-out: the token's family ends; an unknown token is already no session. `check` as for rotate. */
  async revoke(token: string, check: (family: string) => void): Promise<void> {
    const record = await this.#models.refreshTokens.findById(hashOf(token), { family: 1 }).lean<Pick<RefreshTokenRecord, 'family'>>();
    if (!record) return;
    check(record.family);
    await this.#revoke({ family: record.family });
  }

  /** Every session of a user ends (the user was disabled). */
  revokeUser(username: string): Promise<void> {
    return this.#revoke({ username });
  }

  async #revoke(filter: Pick<RefreshTokenRecord, 'family'> | Pick<RefreshTokenRecord, 'username'>): Promise<void> {
    await this.#models.refreshTokens.updateMany({ ...filter, revokedAt: null }, { $set: { revokedAt: this.#now() } });
  }
}
