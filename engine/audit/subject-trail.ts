import type { Model } from 'mongoose';
import { ConflictError, NotFoundError } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { TrailEntry } from '../records';
import { genesisHead, hashFields, verifyLinks, type ChainHead, type ChainVerdict } from './hash-chain';

export type { TrailEntry };

/** What an administration trail records about one change: by whom, what, and the new values. */
export interface TrailFacts {
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
}

/** Where a trail lives: its entries, the records that keep each chain's head, and what a subject is called in messages. */
export interface TrailPlace<Subject extends string, Head extends HeadHolder> {
  subject: Subject;
  entries: Model<TrailEntry<Subject>>;
  heads: Model<Head>;
  kind: string;
}

/** A record that keeps the head of its subject's chain. */
export interface HeadHolder {
  _id: string;
  auditHead?: ChainHead;
}

const maxClaims = 20;

/**
 * A hash chain per administered subject (a user, a unit of the organisation tree), in a
 * collection of its own, so the case chains never see it. Entries are claimed by their unique
 * `subject:seq` _id — of two admins racing on one subject exactly one gets a place, the other
 * takes the next — and the subject's record keeps the head, so a removed tail shows like on a case.
 */
export class SubjectTrail<Subject extends string, Head extends HeadHolder = HeadHolder> {
  readonly #place: TrailPlace<Subject, Head>;
  readonly #now: () => Date;
  readonly #hashed: ReadonlyArray<keyof Omit<TrailEntry<Subject>, '_id' | 'hash'>>;

  constructor(place: TrailPlace<Subject, Head>, now: () => Date) {
    this.#place = place;
    this.#now = now;
    this.#hashed = [place.subject as keyof Omit<TrailEntry<Subject>, '_id' | 'hash'>, 'seq', 'at', 'actor', 'action', 'detail', 'prevHash'];
  }

  /** Appends an entry to `subject`'s chain and moves the head its record keeps. */
  async append(subject: string, facts: TrailFacts): Promise<TrailEntry<Subject>> {
    const { entries, heads } = this.#place;
    for (let attempt = 0; attempt < maxClaims; attempt++) {
      const [last] = await entries.find(this.#of(subject), { seq: 1, hash: 1 }).sort({ seq: -1 }).limit(1).lean<ChainHead[]>();
      const entry = this.#chained(subject, last ?? genesisHead, facts);
      try {
        await entries.create(entry);
      } catch (error) {
        if (isDuplicateKey(error)) continue; // another change took this place: link to it instead
        throw error;
      }
      await heads.updateOne({ _id: subject, $or: [{ auditHead: { $exists: false } }, { 'auditHead.seq': { $lt: entry.seq } }] }, { $set: { auditHead: { seq: entry.seq, hash: entry.hash } } });
      return entry;
    }
    throw new ConflictError(`${this.#place.kind} ${subject} is being changed by others right now; try again`);
  }

  /** A subject's entries in order. */
  entries(subject: string): Promise<Array<TrailEntry<Subject>>> {
    return this.#place.entries.find(this.#of(subject)).sort({ seq: 1 }).lean<Array<TrailEntry<Subject>>>();
  }

  /** A subject's entries as the admin API answers them: in order, each change's detail as JSON again, without the place claims. */
  async answer(subject: string): Promise<{ items: Array<Omit<TrailEntry<Subject>, '_id' | 'detail'> & { detail: unknown }>; total: number }> {
    const entries = await this.entries(subject);
    return { items: entries.map(({ _id, detail, ...entry }) => ({ ...entry, detail: JSON.parse(detail) as unknown })), total: entries.length };
  }

  /** Checks a subject's chain against the head its record keeps. */
  async verify(subject: string): Promise<ChainVerdict> {
    const record = await this.#place.heads.findById(subject, { auditHead: 1 }).lean<{ auditHead?: ChainHead }>();
    if (!record) throw new NotFoundError(this.#place.kind, subject);
    return verifyLinks(await this.entries(subject), record.auditHead ?? genesisHead, (entry) => this.#hash(entry), `the ${this.#place.kind} record holds`);
  }

  #of(subject: string): Record<string, string> {
    return { [this.#place.subject]: subject };
  }

  #chained(subject: string, head: ChainHead, facts: TrailFacts): TrailEntry<Subject> {
    const seq = head.seq + 1;
    const body = { [this.#place.subject]: subject, seq, at: this.#now().toISOString(), actor: facts.actor, action: facts.action, detail: JSON.stringify(facts.detail ?? {}), prevHash: head.hash } as Omit<TrailEntry<Subject>, '_id' | 'hash'>;
    return { _id: `${subject}:${String(seq).padStart(8, '0')}`, ...body, hash: this.#hash(body) } as TrailEntry<Subject>;
  }

  #hash(entry: Omit<TrailEntry<Subject>, '_id' | 'hash'>): string {
    return hashFields(entry, this.#hashed);
  }
}
