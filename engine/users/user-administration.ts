import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import type { Role, UserRecord } from '../records';
import type { Actor } from './actor';
import { accessProblems, type UserAccess } from './access-rules';
import type { RefreshTokens } from './refresh-tokens';
import type { UserAuditTrail } from './user-audit';
import type { NewUser, UserDirectory } from './user-directory';

/** A user as administrators see them: never the password hash. */
export interface UserView {
  username: string;
  roles: Role[];
  department: string | null;
  groups: string[];
  disabled: boolean;
  createdAt: string;
}

/** What each request checks a token against: who the user is now. */
export interface UserAccount {
  actor: Actor;
  disabled: boolean;
  sessionVersion: number;
}

const withoutHash = { passwordHash: 0 } as const;

/**
 * User administration for the admin API and the CLI: list, create, disable, enable and set
 * access, each change audited on the user's own chain (UserAuditTrail). Disabling raises the
 * user's session version and revokes their refresh tokens; API nodes see either within their
 * user cache's few seconds, since every request checks the current account.
 */
export class UserAdministration {
  readonly #models: Models;
  readonly #directory: UserDirectory;
  readonly trail: UserAuditTrail;
  readonly #refreshTokens: RefreshTokens;

  constructor(models: Models, directory: UserDirectory, trail: UserAuditTrail, refreshTokens: RefreshTokens) {
    this.#models = models;
    this.#directory = directory;
    this.trail = trail;
    this.#refreshTokens = refreshTokens;
  }

  /** Users by name, a page at a time. */
  async list(page: Page): Promise<{ items: UserView[]; total: number }> {
    const { items, total } = await pagedFind(this.#models.users, {}, { _id: 1 }, page);
    return { items: items.map(toView), total };
  }

  async get(username: string): Promise<UserView> {
    return toView(await this.#existing(username));
  }

  /** The account a token names, or undefined when the user no longer exists. */
  async account(username: string): Promise<UserAccount | undefined> {
    const record = await this.#models.users.findById(username, withoutHash).lean<UserRecord>();
    if (!record) return undefined;
    return { actor: await this.#directory.actorOf(record), disabled: record.disabled === true, sessionVersion: record.sessionVersion ?? 0 };
  }

  async create(user: NewUser, by: Actor): Promise<UserView> {
    const actor = await this.#directory.add(user);
    await this.trail.append(user.username, { actor: by.username, action: 'user.created', detail: { roles: actor.roles, department: actor.department, groups: actor.groups } });
    return this.get(user.username);
  }

  /** The user can no longer sign in, refresh, or use a token issued before. */
  async disable(username: string, by: Actor): Promise<UserView> {
    if (username === by.username) throw new ConflictError('an administrator cannot disable their own account; ask another administrator');
    const record = await this.#existing(username);
    if (record.disabled === true) return toView(record);
    await this.trail.append(username, { actor: by.username, action: 'user.disabled' });
    await this.#models.users.updateOne({ _id: username }, { $set: { disabled: true, sessionVersion: (record.sessionVersion ?? 0) + 1 } });
    await this.#refreshTokens.revokeUser(username);
    return this.get(username);
  }

  /** The user may sign in again; tokens from before they were disabled stay dead. */
  async enable(username: string, by: Actor): Promise<UserView> {
    const record = await this.#existing(username);
    if (record.disabled !== true) return toView(record);
    await this.trail.append(username, { actor: by.username, action: 'user.enabled' });
    await this.#models.users.updateOne({ _id: username }, { $set: { disabled: false } });
    return this.get(username);
  }

  /** Replaces the user's roles, and their department and groups when given. */
  async setAccess(username: string, access: UserAccess, by: Actor): Promise<UserView> {
    const problems = accessProblems(access);
    if (problems.length > 0) throw new InvalidInputError(`cannot change the access of user ${username}`, problems, 422);
    const record = await this.#existing(username);
    if (record.roles.includes('system')) throw new ConflictError(`${username} is a machine client: set the topics it works instead (PUT /api/clients/${username}/topics)`);
    const next = { roles: access.roles as Role[], department: access.department === undefined ? record.department : access.department, groups: access.groups ?? record.groups };
    await this.trail.append(username, { actor: by.username, action: 'user.access-set', detail: next });
    await this.#models.users.updateOne({ _id: username }, { $set: next });
    return this.get(username);
  }

  async #existing(username: string): Promise<UserRecord> {
    const record = await this.#models.users.findById(username, withoutHash).lean<UserRecord>();
    if (!record) throw new NotFoundError('user', username);
    return record;
  }
}

function toView(record: UserRecord): UserView {
  return { username: record._id, roles: record.roles, department: record.department, groups: record.groups, disabled: record.disabled === true, createdAt: new Date(record.createdAt).toISOString() };
}
