/** Users and their roles, the trail of their administration, and their refresh tokens. */

import type { TrailEntry } from './audit';

export interface UserRecord {
  _id: string;
  /** The person's name as colleagues read it (张三), shown instead of the username; absent on accounts from before names. */
  name?: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  /** Candidate groups the user belongs to, as `role@department`. */
  groups: string[];
  createdAt: Date;
  /** For a machine client: the external-task topics it may fetch and work. */
  topics?: string[];
  /** A disabled user cannot sign in, refresh, or use a token already issued; absent on users from before. */
  disabled?: boolean;
  /** Carried by access tokens; raised when the user is disabled, so tokens issued before stay dead after enabling. Absent means 0. */
  sessionVersion?: number;
  /** The newest entry of the user's administration chain; a removed tail of the chain no longer reaches it. */
  auditHead?: { seq: number; hash: string };
}

/** The roles a user may have. */
/** `system` is a machine client of another department, working external tasks (DESIGN.md). */
export type Role = 'applicant' | 'clerk' | 'leader' | 'supervisor' | 'designer' | 'admin' | 'system';

/** One entry of a user's hash-chained administration trail (created, renamed, disabled, enabled, access set); never updated or deleted. */
export type UserAuditRecord = TrailEntry<'username'>;

/** A refresh token, stored only as its SHA-256; each use replaces it by a new one of the same family. */
export interface RefreshTokenRecord {
  /** The SHA-256 of the token, hex. */
  _id: string;
  /** One sign-in's line of tokens; a reused (already replaced) token revokes the whole family. */
  family: string;
  username: string;
  /** How the client holds it: a cookie session tolerates a concurrent refresh from a second tab. */
  transport: 'cookie' | 'body';
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** A person of the installation's OpenID provider (统一身份认证), by their subject, and the govflow user they sign in as. */
export interface IdentityLinkRecord {
  /** The provider's subject (`sub`), stable for the person. */
  _id: string;
  issuer: string;
  username: string;
  /** Who linked it: an administrator, or `system` for an applicant's account made at their first sign-in. */
  linkedBy: string;
  linkedAt: Date;
}
