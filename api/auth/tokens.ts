import { jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError, roles as knownRoles, type Actor, type Role } from '../../engine';

const issuer = 'govflow';

/**
 * Signs and verifies bearer tokens (HS256 JWTs). The secret comes from GOVFLOW_JWT_SECRET and is
 * shared by every API node, so any node accepts any node's tokens.
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

  issue(actor: Actor): Promise<string> {
    return new SignJWT({ roles: actor.roles, department: actor.department, groups: actor.groups })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.username)
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.#ttlSeconds}s`)
      .sign(this.#key);
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer, algorithms: ['HS256'] });
      const roles = (payload.roles as string[]).filter((role): role is Role => knownRoles.includes(role as Role));
      return { username: String(payload.sub), roles, department: (payload.department as string | null) ?? null, groups: (payload.groups as string[]) ?? [] };
    } catch (error) {
      throw new UnauthenticatedError(`the bearer token is not valid: ${(error as Error).message}`);
    }
  }
}
