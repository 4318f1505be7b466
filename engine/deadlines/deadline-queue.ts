import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MessageJob } from '../records';
import type { DeadlineJob, TimerJob } from './deadline-jobs';

export const deadlineQueueName = 'deadlines';

/**
 * The BullMQ queue of deadline jobs. Scheduling is idempotent (deterministic job ids), so the
 * outbox may apply a schedule effect twice and the reconciler may re-add every job.
 */
export class DeadlineQueue {
  readonly #queue: Queue;
  readonly #connection: Redis;

  /** `onError` hears of the queue's connection errors (Redis away), which the outbox and the worker's watch recover from. */
  constructor(redis: Redis, prefix: string, onError: (error: Error) => void = () => undefined) {
    // commands add jobs through the outbox and must not wait out a Redis outage: a job that
    // cannot be added now fails at once and stays in the outbox for the repair sweep
    this.#connection = redis.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.#queue = new Queue(deadlineQueueName, { connection: this.#connection, prefix });
    this.#queue.on('error', onError);
  }

  /** Schedules a card's deadline (job name `deadline`), a BPMN timer (`timer`) or the delivery of a thrown message (`message`). */
  async schedule(job: DeadlineJob | TimerJob | MessageJob, name: 'deadline' | 'timer' | 'message' = 'deadline'): Promise<void> {
    await this.#queue.add(name, job, {
      jobId: job.id,
      // BullMQ waits in wall-clock time, whatever clock govflow counts deadlines on (the demo data
      // is written on a clock set back: its deadlines already passed are due now, not days later)
      delay: Math.max(0, job.at - Date.now()),
      attempts: 8,
      backoff: { type: 'exponential', delay: 1_000 },
      // a fired job's work is in the case's revisions and audit log: nothing to keep in Redis
      removeOnComplete: true,
      // one that failed every attempt stays a month for an operator to read, then goes
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }

  /** Removes a job no clock needs any more; one already running finds its clock changed and does nothing. */
  async cancel(jobId: string): Promise<void> {
    await this.#queue.remove(jobId);
  }

  /** Jobs waiting to fire; for tests, the bench and operators. */
  pending(): Promise<number> {
    return this.#queue.getDelayedCount();
  }

  get queue(): Queue {
    return this.#queue;
  }

  async close(): Promise<void> {
    await this.#queue.close();
    this.#connection.disconnect();
  }
}
