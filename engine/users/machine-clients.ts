import { randomBytes } from 'node:crypto';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type ProblemDetail } from '../errors';
import { topicPattern } from '../definitions/names';
import { jurisdictionOfActor } from '../org/org-directory';
import { covers, jurisdictionFilter } from '../org/org-tree';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import type { UserRecord } from '../records';
import type { Actor } from './actor';
import { hashPassword } from './password-hash';
import type { RefreshTokens } from './refresh-tokens';
import type { UserAdministration } from './user-administration';
import type { UserAuditTrail } from './user-audit';
import { usernameProblems } from './user-directory';

/** A machine client as administrators see it: never its secret. */
export interface ClientView {
  clientId: string;
  topics: string[];
  department: string | null;
  disabled: boolean;
  createdAt: string;
}

/** What an administrator is handed once, when a client is issued or its secret rotated: the secret is not kept, only its hash. */
export interface IssuedClient extends ClientView {
  clientSecret: string;
}

export interface NewClient {
  clientId: string;
  topics: string[];
  department?: string | null;
}


/**
 * Client credentials of other departments' systems (the `system` role): an administrator issues
 * them (a random secret shown once, stored as a hash like a password), rotates the secret, sets
 * the topics a client may work, and revokes it. A client signs in like a user, with its id and
 * secret, and every request checks its current account, so a revocation or a change of topics
 * takes effect on every node within seconds. Each change is audited on the client's own chain.
 */
export class MachineClients {
  readonly #models: Models;
  readonly #admin: UserAdministration;
  readonly #trail: UserAuditTrail;
  readonly #refreshTokens: RefreshTokens;

  constructor(models: Models, admin: UserAdministration, trail: UserAuditTrail, refreshTokens: RefreshTokens) {
    this.#models = models;
    this.#admin = admin;
    this.#trail = trail;
    this.#refreshTokens = refreshTokens;
  }

  /** The clients of the administrator's jurisdiction (a client without a department is the city level's). */
  async list(page: Page, by: Actor): Promise<{ items: ClientView[]; total: number }> {
    const { items, total } = await pagedFind<UserRecord>(this.#models.users, { roles: 'system', ...jurisdictionFilter(jurisdictionOfActor(by), 'department') }, { _id: 1 }, page);
    return { items: items.map(toView), total };
  }

  async get(clientId: string, by: Actor): Promise<ClientView> {
    return toView(await this.#existing(clientId, by));
  }

  async issue(client: NewClient, by: Actor): Promise<IssuedClient> {
    return this.#issue(client, newSecret(), by);
  }

  /** GOVFLOW_DEMO only: the demo client with the secret `demo` all demo accounts share (DESIGN.md), unless it exists. */
  async ensureDemoClient(client: NewClient): Promise<void> {
    if (await this.#models.users.exists({ _id: client.clientId })) return;
    await this.#issue(client, 'demo', { username: 'demo-seed', roles: ['admin'], department: null, groups: [] }).catch((error) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }

  async #issue(client: NewClient, clientSecret: string, by: Actor): Promise<IssuedClient> {
    const problems = [...usernameProblems(client.clientId, 'clientId'), ...topicProblems(client.topics)];
    if (problems.length > 0) throw new InvalidInputError(`cannot issue client ${client.clientId}`, problems, 422);
    if (!covers(jurisdictionOfActor(by), client.department ?? null)) throw new ForbiddenError(`department ${client.department ?? '(none)'} is outside the units you administer`);
    const record: UserRecord = { _id: client.clientId, passwordHash: await hashPassword(clientSecret), roles: ['system'], department: client.department ?? null, groups: [], topics: client.topics, createdAt: new Date() };
    try {
      await this.#models.users.create(record);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError(`a user or client called ${client.clientId} exists already`);
      throw error;
    }
    await this.#trail.append(client.clientId, { actor: by.username, action: 'client.issued', detail: { topics: client.topics, department: record.department } });
    return { ...toView(record), clientSecret };
  }

  /** A new secret; the old one, and every token issued with it, stops working. */
  async rotate(clientId: string, by: Actor): Promise<IssuedClient> {
    const record = await this.#existing(clientId, by);
    const clientSecret = newSecret();
    await this.#trail.append(clientId, { actor: by.username, action: 'client.secret-rotated' });
    await this.#models.users.updateOne({ _id: clientId }, { $set: { passwordHash: await hashPassword(clientSecret), sessionVersion: (record.sessionVersion ?? 0) + 1 } });
    await this.#refreshTokens.revokeUser(clientId);
    return { ...(await this.get(clientId, by)), clientSecret };
  }

  async setTopics(clientId: string, topics: string[], by: Actor): Promise<ClientView> {
    const problems = topicProblems(topics);
    if (problems.length > 0) throw new InvalidInputError(`cannot set the topics of client ${clientId}`, problems, 422);
    await this.#existing(clientId, by);
    await this.#trail.append(clientId, { actor: by.username, action: 'client.topics-set', detail: { topics } });
    await this.#models.users.updateOne({ _id: clientId }, { $set: { topics } });
    return this.get(clientId, by);
  }

  /** The client can no longer sign in, and its tokens are refused within seconds (a disabled account, audited as such). */
  async revoke(clientId: string, by: Actor): Promise<ClientView> {
    await this.#existing(clientId, by);
    await this.#admin.disable(clientId, by);
    return this.get(clientId, by);
  }

  async #existing(clientId: string, by: Actor): Promise<UserRecord> {
    const record = await this.#models.users.findOne({ _id: clientId, roles: 'system' }, { passwordHash: 0 }).lean<UserRecord>();
    if (!record || !covers(jurisdictionOfActor(by), record.department)) throw new NotFoundError('client', clientId);
    return record;
  }
}

/** 256 random bits: a secret nobody guesses, so the sign-in throttle is its only other guard. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function topicProblems(topics: string[]): ProblemDetail[] {
  if (topics.length === 0) return [{ path: 'topics', message: 'name at least one topic the client works (or * for every topic)' }];
  const bad = topics.filter((topic) => topic !== '*' && !topicPattern.test(topic));
  return bad.length > 0 ? [{ path: 'topics', message: `a topic is 1–128 letters, digits, dots, dashes, colons or underscores, or *; bad: ${bad.join(', ')}` }] : [];
}

function toView(record: UserRecord): ClientView {
  return { clientId: record._id, topics: record.topics ?? [], department: record.department, disabled: record.disabled === true, createdAt: new Date(record.createdAt).toISOString() };
}
