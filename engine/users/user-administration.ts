import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type ProblemDetail } from '../errors';
import { jurisdictionOfActor, type OrgDirectory } from '../org/org-directory';
import { covers, jurisdictionFilter, type Jurisdiction, type OrgTree } from '../org/org-tree';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import type { Role, UserRecord } from '../records';
import type { Actor } from './actor';
import { accessProblems, type UserAccess } from './access-rules';
import type { RefreshTokens } from './refresh-tokens';
import type { UserAuditTrail } from './user-audit';
import { personNameProblems, type NewUser, type UserDirectory } from './user-directory';

/** A user as administrators see them: never the password hash. */
export interface UserView {
  username: string;
  /** The person's name (张三); null on an account from before names. */
  name: string | null;
  roles: Role[];
  department: string | null;
  /** The department's name in the organisation tree (its code for one the tree does not know). */
  departmentName: string | null;
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
 * access, each change audited on the user's own chain (UserAuditTrail). An administrator
 * manages the users of their jurisdiction only (a district's admin its district's staff); to
 * them anyone else does not exist. Accounts without a unit (applicants, machine clients) are
 * the city level's. Disabling raises the
 * user's session version and revokes their refresh tokens; API nodes see either within their
 * user cache's few seconds, since every request checks the current account.
 */
export class UserAdministration {
  readonly #models: Models;
  readonly #directory: UserDirectory;
  readonly trail: UserAuditTrail;
  readonly #refreshTokens: RefreshTokens;
  readonly #org: OrgDirectory;

  constructor(models: Models, directory: UserDirectory, trail: UserAuditTrail, refreshTokens: RefreshTokens, org: OrgDirectory) {
    this.#org = org;
    this.#models = models;
    this.#directory = directory;
    this.trail = trail;
    this.#refreshTokens = refreshTokens;
  }

  /** The users of the administrator's jurisdiction by name, a page at a time. */
  async list(page: Page, by: Actor): Promise<{ items: UserView[]; total: number }> {
    const { items, total } = await pagedFind(this.#models.users, jurisdictionFilter(jurisdictionOfActor(by), 'department'), { _id: 1 }, page);
    const tree = await this.#org.tree();
    return { items: items.map((record) => toView(record, tree)), total };
  }

  async get(username: string, by: Actor): Promise<UserView> {
    return toView(await this.#existing(username, by), await this.#org.tree());
  }

  /** The account a token names, or undefined when the user no longer exists. */
  async account(username: string): Promise<UserAccount | undefined> {
    const record = await this.#models.users.findById(username, withoutHash).lean<UserRecord>();
    if (!record) return undefined;
    return { actor: await this.#directory.actorOf(record), disabled: record.disabled === true, sessionVersion: record.sessionVersion ?? 0 };
  }

  /** Creates a user in the administrator's jurisdiction; a district's admin who names no department creates one in their own unit. */
  async create(user: NewUser, by: Actor): Promise<UserView> {
    const jurisdiction = jurisdictionOfActor(by);
    const placed = { ...user, department: user.department ?? (jurisdiction === 'all' ? undefined : (by.department ?? undefined)) };
    assertWithin(jurisdiction, placed);
    const actor = await this.#directory.add(placed);
    await this.trail.append(user.username, { actor: by.username, action: 'user.created', detail: { ...(user.name === undefined ? {} : { name: user.name.trim() }), roles: actor.roles, department: actor.department, groups: actor.groups } });
    return this.get(user.username, by);
  }

  /** Gives the person the name colleagues see in every answer (改名 after marriage, a typo mended). */
  async rename(username: string, name: string, by: Actor): Promise<UserView> {
    const problems = personNameProblems(name, 'name');
    if (problems.length > 0) throw new InvalidInputError(`cannot rename user ${username}`, problems, 422);
    const record = await this.#existing(username, by);
    if (record.name === name.trim()) return this.get(username, by);
    await this.trail.append(username, { actor: by.username, action: 'user.renamed', detail: { name: name.trim() } });
    await this.#models.users.updateOne({ _id: username }, { $set: { name: name.trim() } });
    return this.get(username, by);
  }

  /** The user can no longer sign in, refresh, or use a token issued before. */
  async disable(username: string, by: Actor): Promise<UserView> {
    if (username === by.username) throw new ConflictError('an administrator cannot disable their own account; ask another administrator');
    const record = await this.#existing(username, by);
    if (record.disabled === true) return this.get(username, by);
    await this.trail.append(username, { actor: by.username, action: 'user.disabled' });
    await this.#models.users.updateOne({ _id: username }, { $set: { disabled: true, sessionVersion: (record.sessionVersion ?? 0) + 1 } });
    await this.#refreshTokens.revokeUser(username);
    return this.get(username, by);
  }

  /** The user may sign in again; tokens from before they were disabled stay dead. */
  async enable(username: string, by: Actor): Promise<UserView> {
    const record = await this.#existing(username, by);
    if (record.disabled !== true) return this.get(username, by);
    await this.trail.append(username, { actor: by.username, action: 'user.enabled' });
    await this.#models.users.updateOne({ _id: username }, { $set: { disabled: false } });
    return this.get(username, by);
  }

  /** Replaces the user's roles, and their department and groups when given. */
  async setAccess(username: string, access: UserAccess, by: Actor): Promise<UserView> {
    const problems = accessProblems(access);
    if (problems.length > 0) throw new InvalidInputError(`cannot change the access of user ${username}`, problems, 422);
    const record = await this.#existing(username, by);
    if (record.roles.includes('system')) throw new ConflictError(`${username} is a machine client: set the topics it works instead (PUT /api/clients/${username}/topics)`);
    const next = { roles: access.roles as Role[], department: access.department === undefined ? record.department : access.department, groups: access.groups ?? record.groups };
    assertWithin(jurisdictionOfActor(by), next);
    await this.trail.append(username, { actor: by.username, action: 'user.access-set', detail: next });
    await this.#models.users.updateOne({ _id: username }, { $set: next });
    return this.get(username, by);
  }

  /** The user, when the administrator's jurisdiction covers their unit; 404 as if absent otherwise. */
  async #existing(username: string, by: Actor): Promise<UserRecord> {
    const record = await this.#models.users.findById(username, withoutHash).lean<UserRecord>();
    if (!record || !covers(jurisdictionOfActor(by), record.department)) throw new NotFoundError('user', username);
    return record;
  }
}

/** An administrator places users and gives groups only within their jurisdiction. */
function assertWithin(jurisdiction: Jurisdiction, access: Pick<UserAccess, 'department' | 'groups'>): void {
  if (jurisdiction === 'all') return;
  if (!covers(jurisdiction, access.department)) throw new ForbiddenError(`department ${access.department ?? '(none)'} is outside the units you administer`);
  const outside = (access.groups ?? []).filter((group) => !covers(jurisdiction, group.split('@')[1]));
  const problems: ProblemDetail[] = outside.length > 0 ? [{ path: 'groups', message: `outside the units you administer: ${outside.join(', ')}` }] : [];
  if (problems.length > 0) throw new InvalidInputError('the groups name units you do not administer', problems, 422);
}

function toView(record: UserRecord, tree: OrgTree): UserView {
  return { username: record._id, name: record.name ?? null, roles: record.roles, department: record.department, departmentName: record.department === null ? null : tree.nameOf(record.department), groups: record.groups, disabled: record.disabled === true, createdAt: new Date(record.createdAt).toISOString() };
}
