import { isDuplicateKey } from '../store/duplicate-key';
import { containing } from '../store/text-match';
import { ConflictError, InvalidInputError, type ProblemDetail } from '../errors';
import type { OrgDirectory } from '../org/org-directory';
import type { Models } from '../store/models';
import type { Role, UserRecord } from '../records';
import { accessProblems, type UserAccess } from './access-rules';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './password-hash';
import { passwordProblems } from './password-policy';

export interface NewUser extends UserAccess {
  username: string;
  /** The person's name as colleagues read it (张三). */
  name?: string;
  password: string;
  department?: string;
}

type PasswordCheck = (password: string, user: NewUser) => ProblemDetail[];

const demoPasswordProblems: PasswordCheck = (password) => (password ? [] : [{ path: 'password', message: 'must not be empty' }]);

const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

/** Users, their roles, department and candidate groups; used by login, the CLI and demo seeding. */
export class UserDirectory {
  readonly #models: Models;
  readonly #org: OrgDirectory;
  /** Compared against when the user does not exist, so timing does not reveal which usernames exist. */
  #decoyHash?: Promise<string>;

  constructor(models: Models, org: OrgDirectory) {
    this.#models = models;
    this.#org = org;
  }

  /** Creates a user; refuses an existing name, an unknown role, a malformed group or a password the policy refuses (password-policy.ts). */
  add(user: NewUser): Promise<Actor> {
    return this.#create(user, passwordProblems);
  }

  /**
   * Creates a demo user unless one by that name exists (naming one from before names), idempotently. Only the GOVFLOW_DEMO seed
   * calls it: DESIGN.md promises the demo users the password `demo`, which the policy refuses,
   * so this one path skips the policy (the password must still not be empty).
   */
  async ensureDemoUser(user: NewUser): Promise<void> {
    if (await this.#models.users.exists({ _id: user.username })) {
      // a demo store from before names gets them; a name an admin gave stays
      if (user.name) await this.#models.users.updateOne({ _id: user.username, name: { $exists: false } }, { $set: { name: user.name } });
      return;
    }
    await this.#create(user, demoPasswordProblems).catch((error) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }

  async #create(user: NewUser, checkPassword: PasswordCheck): Promise<Actor> {
    const record = await this.#record(user, checkPassword);
    try {
      await this.#models.users.create(record);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError(`user ${user.username} exists already`);
      throw error;
    }
    return this.actorOf(record);
  }

  /** The actor a user record signs in as, with the jurisdiction the tree gives its unit now; a machine client's carries its topics. */
  async actorOf(record: UserRecord): Promise<Actor> {
    const jurisdiction = await this.#org.jurisdictionOf(record.department);
    return { username: record._id, roles: record.roles, department: record.department, groups: record.groups, ...(record.topics ? { topics: record.topics } : {}), jurisdiction };
  }

  /** Which of these usernames exist (deploy checks a model's assignees); with `withRole`, only users holding one of those roles (抄送 checks its recipients). */
  async existingUsers(usernames: string[], withRole?: readonly Role[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const found = await this.#models.users.find({ _id: { $in: usernames }, ...roleFilter(withRole) }, { _id: 1 }).lean<Array<{ _id: string }>>();
    return new Set(found.map((user) => user._id));
  }

  /** Which of these groups at least one user holds (deploy checks a model's candidate groups); with `withRole`, a user holding one of those roles. */
  async heldGroups(groups: string[], withRole?: readonly Role[]): Promise<Set<string>> {
    const held = await Promise.all(groups.map(async (group) => ((await this.#models.users.exists({ groups: group, ...roleFilter(withRole) })) ? [group] : [])));
    return new Set(held.flat());
  }

  /**
   * The users a searcher means by `text`: the one of that username, and those whose name
   * contains it (张 finds 张三 and 张伟); at most `limit`, so a one-letter search stays cheap.
   */
  async usernamesMatching(text: string, limit = 200): Promise<string[]> {
    const found = await this.#models.users.find({ $or: [{ _id: text }, { name: containing(text) }] }, { _id: 1 }).limit(limit).lean<Array<{ _id: string }>>();
    return found.map((user) => user._id);
  }

  /** The actor for valid credentials, or undefined. */
  async authenticate(username: string, password: string): Promise<Actor | undefined> {
    const record = await this.#models.users.findById(username).lean<UserRecord>();
    this.#decoyHash ??= hashPassword('decoy');
    const valid = await verifyPassword(password, record?.passwordHash ?? (await this.#decoyHash));
    return record && valid ? this.actorOf(record) : undefined;
  }

  /** The actor of an existing user, as a token would carry it; undefined for an unknown name. Used to re-run an incident's command as its person. */
  async actor(username: string): Promise<Actor | undefined> {
    const record = await this.#models.users.findById(username).lean<UserRecord>();
    return record ? this.actorOf(record) : undefined;
  }

  async #record(user: NewUser, checkPassword: PasswordCheck): Promise<UserRecord> {
    const problems: ProblemDetail[] = usernameProblems(user.username, 'username');
    if (user.name !== undefined) problems.push(...personNameProblems(user.name, 'name'));
    problems.push(...checkPassword(user.password, user));
    problems.push(...accessProblems(user));
    if (problems.length > 0) throw new InvalidInputError(`cannot create user ${user.username}`, problems, 422);
    return {
      _id: user.username,
      ...(user.name === undefined ? {} : { name: user.name.trim() }),
      passwordHash: await hashPassword(user.password),
      roles: user.roles as Role[],
      department: user.department ?? null,
      groups: user.groups ?? [],
      createdAt: new Date(),
    };
  }
}

/** Names govflow speaks as itself in audit entries and answers: no user or client may hold them. */
const reservedNames = new Set(['system', 'cli', 'anonymous']);

/** Why a user or client cannot be called `name`; `path` is where the name was given. */
export function usernameProblems(name: string, path: string): ProblemDetail[] {
  if (!usernamePattern.test(name)) return [{ path, message: 'use 2–64 letters, digits, dots, dashes or underscores' }];
  if (reservedNames.has(name.toLowerCase())) return [{ path, message: `${name} is govflow's own name in the audit; choose another` }];
  return [];
}

/** Why a person cannot be shown as `name`: empty, too long, or holding control characters. */
export function personNameProblems(name: string, path: string): ProblemDetail[] {
  const trimmed = name.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || trimmed.length > 64 || /[\u0000-\u001f\u007f]/.test(trimmed)) return [{ path, message: 'use 1–64 characters, no line breaks' }];
  return [];
}

function roleFilter(withRole: readonly Role[] | undefined): Record<string, unknown> {
  return withRole ? { roles: { $in: [...withRole] } } : {};
}

