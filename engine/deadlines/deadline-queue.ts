import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CallJob, CallJobName, MessageJob } from '../records';
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

  /**
   * Schedules a card's deadline (job name `deadline`), a BPMN timer (`timer`), the delivery of a
   * thrown message (`message`), a call between cases (`call.*`), a notification's going out to the
   * webhooks (`notification`) or one delivery to one (`webhook`); tried 8 times, 1 s apart doubling,
   * unless `retry` says otherwise.
   */
  async schedule(job: DeadlineJob | TimerJob | MessageJob | CallJob, name: 'deadline' | 'timer' | 'message' | 'notification' | 'webhook' | CallJobName = 'deadline', retry: { attempts: number; delayMs: number } = { attempts: 8, delayMs: 1_000 }): Promise<void> {
    await this.#queue.add(name, job, {
      jobId: job.id,
      // BullMQ waits in wall-clock time, whatever clock govflow counts deadlines on (the demo data
      // is written on a clock set back: its deadlines already passed are due now, not days later)
      delay: Math.max(0, job.at - Date.now()),
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.delayMs },
      // a fired job's work is in the case's revisions and audit log: nothing to keep in Redis
      removeOnComplete: true,
      // one that failed every attempt stays a month for an operator to read, then goes
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }

  /**
   * Keeps one repeating schedule by its id (a timer start's, per process): BullMQ's job scheduler
   * adds one job per tick, with an id of the scheduler and the tick, so every worker sees each
   * tick once. Upserting again replaces the schedule; `once` is a single tick at that time.
   */
  async keepSchedule(id: string, schedule: { pattern: string } | { every: number; limit?: number; startDate?: Date } | { once: Date }, data: Record<string, unknown>): Promise<void> {
    if ('once' in schedule) {
      await this.#queue.removeJobScheduler(id);
      await this.#queue.add('timer-start', data, { jobId: `${id}~${schedule.once.getTime()}`, delay: Math.max(0, schedule.once.getTime() - Date.now()), attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true, removeOnFail: { age: 30 * 24 * 3600 } });
      return;
    }
    const repeat = 'pattern' in schedule ? { pattern: schedule.pattern, tz: 'Asia/Shanghai' } : { every: schedule.every, ...(schedule.limit ? { limit: schedule.limit } : {}), ...(schedule.startDate ? { startDate: schedule.startDate } : {}) };
    await this.#queue.upsertJobScheduler(id, repeat, { name: 'timer-start', data, opts: { attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true, removeOnFail: { age: 30 * 24 * 3600 } } });
  }

  /** Ends a repeating schedule (its process no longer starts on a timer). */
  async dropSchedule(id: string): Promise<void> {
    await this.#queue.removeJobScheduler(id);
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
