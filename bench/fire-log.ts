import type { DeadlineJob } from '../engine/deadlines';

/**
 * What the deadline run's workers saw: the first fire time of each job id, how late each first
 * fire was, and how often an id fired again. Shared by all in-process workers; Node runs their
 * processors on one thread, so plain fields need no locking.
 */
export class FireLog {
  readonly #firedAt = new Map<string, number>();
  readonly #latenessMs: number[] = [];
  #duplicated = 0;

  /** Called by a worker's processor as the job starts; `firedAt` is epoch milliseconds. */
  record(job: DeadlineJob, firedAt: number): void {
    if (this.#firedAt.has(job.id)) {
      this.#duplicated++;
      return;
    }
    this.#firedAt.set(job.id, firedAt);
    this.#latenessMs.push(firedAt - job.at);
  }

  /** Job ids fired at least once. */
  get distinct(): number {
    return this.#firedAt.size;
  }

  /** Fires of an id that had fired before. */
  get duplicated(): number {
    return this.#duplicated;
  }

  /** Fire time minus due time of each id's first fire, in fire order. */
  get latenessMs(): readonly number[] {
    return this.#latenessMs;
  }
}
