import type { CaseRecord } from '../records';
import type { CaseEngine } from './case-engine';

/** A case's newest revision as this process wrote it, with the engine that produced it. */
export interface LiveCase {
  record: CaseRecord;
  engine: CaseEngine;
}

/**
 * Engines of recently changed cases, kept between commands so the next command on a case skips
 * decoding and recovering its state — the largest CPU cost of a command. Entries are taken out
 * for exclusive use and put back only after a successful write; the executor still checks the
 * ledger for a newer revision (another node's) before trusting one. Least recently used go first.
 */
export class LiveCases {
  readonly #entries = new Map<string, LiveCase>();

  constructor(readonly capacity: number) {}

  /** Removes and returns the entry of a case, so no concurrent command shares its engine. */
  take(caseId: string): LiveCase | undefined {
    const entry = this.#entries.get(caseId);
    this.#entries.delete(caseId);
    return entry;
  }

  /** Keeps a case's engine after a successful write; evicts the least recently used beyond capacity. */
  put(entry: LiveCase): void {
    this.#entries.get(entry.record._id)?.engine.dispose();
    this.#entries.delete(entry.record._id);
    this.#entries.set(entry.record._id, entry);
    for (const [caseId, oldest] of this.#entries) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(caseId);
      oldest.engine.dispose();
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
