import { genesisHead, hashFields, verifyLinks, type ChainHead, type ChainVerdict } from '../audit/hash-chain';
import { ConflictError, NotFoundError } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import type { UserAuditRecord } from '../records';

/** What user administration records about one change: by whom, what, and the new values. */
export interface UserAuditFacts {
  actor: string;
  action: 'user.created' | 'user.disabled' | 'user.enabled' | 'user.access-set' | (string & {});
  detail?: Record<string, unknown>;
}

const hashedFields = ['username', 'seq', 'at', 'actor', 'action', 'detail', 'prevHash'] as const;
const maxClaims = 20;

/**
 * A hash chain per user for their administration, in a collection of its own (user_audit), so
 * the case chains never see it. Entries are claimed by their unique `username:seq` _id — of two
 * admins racing on one user exactly one gets a place, the other takes the next — and the user
 * record keeps the head, so a removed tail shows like on a case. Other user-administration
 * changes (an admin lifting a sign-in lockout) append here too.
 */
export class UserAuditTrail {
  readonly #models: Models;
  readonly #now: () => Date;

  constructor(models: Models, now: () => Date) {
    this.#models = models;
    this.#now = now;
  }

  /** Appends an entry to `username`'s chain and moves the head the user record keeps. */
  async append(username: string, facts: UserAuditFacts): Promise<UserAuditRecord> {
    for (let attempt = 0; attempt < maxClaims; attempt++) {
      const [last] = await this.#models.userAudit.find({ username }, { seq: 1, hash: 1 }).sort({ seq: -1 }).limit(1).lean<Array<Pick<UserAuditRecord, 'seq' | 'hash'>>>();
      const entry = chainedEntry(username, last ?? genesisHead, facts, this.#now());
      try {
        await this.#models.userAudit.create(entry);
      } catch (error) {
        if (isDuplicateKey(error)) continue; // another change took this place: link to it instead
        throw error;
      }
      await this.#models.users.updateOne({ _id: username, $or: [{ auditHead: { $exists: false } }, { 'auditHead.seq': { $lt: entry.seq } }] }, { $set: { auditHead: { seq: entry.seq, hash: entry.hash } } });
      return entry;
    }
    throw new ConflictError(`user ${username} is being changed by others right now; try again`);
  }

  /** A user's entries in order. */
  entries(username: string): Promise<UserAuditRecord[]> {
    return this.#models.userAudit.find({ username }).sort({ seq: 1 }).lean<UserAuditRecord[]>();
  }

  /** Checks a user's chain against the head their record keeps. */
  async verify(username: string): Promise<ChainVerdict> {
    const user = await this.#models.users.findById(username, { auditHead: 1 }).lean();
    if (!user) throw new NotFoundError('user', username);
    return verifyLinks(await this.entries(username), user.auditHead ?? genesisHead, hashUserEntry, 'the user record holds');
  }
}

function chainedEntry(username: string, head: ChainHead, facts: UserAuditFacts, at: Date): UserAuditRecord {
  const seq = head.seq + 1;
  const body = { username, seq, at: at.toISOString(), actor: facts.actor, action: facts.action, detail: JSON.stringify(facts.detail ?? {}), prevHash: head.hash };
  return { _id: `${username}:${String(seq).padStart(8, '0')}`, ...body, hash: hashUserEntry(body) };
}

function hashUserEntry(entry: Omit<UserAuditRecord, '_id' | 'hash'>): string {
  return hashFields(entry, hashedFields);
}
