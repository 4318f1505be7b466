import type { UserAccount } from '../../engine';

interface Entry {
  account: Promise<UserAccount | undefined>;
  until: number;
}

/**
 * This node's copy of the accounts recent requests named, kept for a few seconds: each
 * authenticated request checks its token against the current account (disabled, session
 * version, roles), and this bounds what that costs on the command path to one store read per
 * user and TTL. A change made on another node (or by the CLI) is seen here within the TTL; one
 * made through this node is seen at once (forget).
 */
export class AccountCache {
  readonly #entries = new Map<string, Entry>();
  readonly #load: (username: string) => Promise<UserAccount | undefined>;
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(load: (username: string) => Promise<UserAccount | undefined>, ttlMs: number, maxEntries = 10_000) {
    this.#load = load;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  get(username: string): Promise<UserAccount | undefined> {
    const now = Date.now();
    const cached = this.#entries.get(username);
    if (cached && cached.until > now) return cached.account;
    if (this.#entries.size >= this.#maxEntries) this.#sweep(now);
    // concurrent requests of one user share one read; a failed read is not kept
    const account = this.#load(username);
    const entry = { account, until: now + this.#ttlMs };
    this.#entries.set(username, entry);
    account.catch(() => this.#entries.get(username) === entry && this.#entries.delete(username));
    return account;
  }

  forget(username: string): void {
    this.#entries.delete(username);
  }

  #sweep(now: number): void {
    for (const [username, entry] of this.#entries) if (entry.until <= now) this.#entries.delete(username);
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
  }
}
