import type { DeadlineJob } from '../engine/deadlines';

/** The part of a job the log needs; a worker process sends only these over IPC. */
export type FiredJob = Pick<DeadlineJob, 'id' | 'at'>;

/**
 * What the deadline run's workers saw: the first fire time of each job id, how late each first
 * fire was, and how often an id fired again. Lives in the bench process; in-process workers
 * record into it directly, worker processes through IPC messages, both on its one thread.
 */
export class FireLog {
  readonly #firedAt = new Map<string, number>();
  readonly #latenessMs: number[] = [];
  #duplicated = 0;

  /** Called as a job's processor starts; `firedAt` is epoch milliseconds. */
  record(job: FiredJob, firedAt: number): void {
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
