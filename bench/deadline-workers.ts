import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { deadlineQueueName, type DeadlineJob } from '../engine/deadlines';

/** The deadline run's workers, wherever they run, and what went wrong while they ran. */
export interface DeadlineWorkers {
  /** Jobs whose processor threw or that BullMQ gave up on; the bench's processor never throws. */
  readonly failed: () => number;
  /** Jobs BullMQ found stalled (locked by a worker that stopped renewing the lock). */
  readonly stalled: () => number;
  /** Worker, connection and process errors, kept for the report's note. */
  readonly errors: () => string[];
  /** CPU milliseconds used by worker processes apart from the bench's; 0 when the workers run in it. */
  readonly processCpuMs: () => number;
  /** Stops the workers; the counts above are final once it resolves. */
  close(): Promise<void>;
}

/** Told of each job as its processor starts, with Date.now() at that moment. */
export type OnFire = (job: DeadlineJob, firedAt: number) => void;

/**
 * Starts `count` BullMQ workers in this process on the production queue name and `prefix`, set up
 * as engine/jobs/deadline-worker.ts sets up its worker (own duplicated connection, concurrency),
 * but reporting each fire to `onFire` instead of raising a card: the run measures the queue, not
 * the executor. Called by the deadline run in `in-process` mode and by each worker process.
 * Resolves once every worker is connected.
 */
export async function startDeadlineWorkers(redis: Redis, prefix: string, count: number, concurrency: number, onFire: OnFire): Promise<DeadlineWorkers> {
  let failed = 0;
  let stalled = 0;
  const errors: string[] = [];
  const started = Array.from({ length: count }, () => {
    const connection = redis.duplicate();
    const worker = new Worker<DeadlineJob>(deadlineQueueName, async (job) => onFire(job.data, Date.now()), { connection, prefix, concurrency });
    worker.on('failed', () => failed++);
    worker.on('stalled', () => stalled++);
    worker.on('error', (error) => errors.push(error.message));
    return { worker, connection };
  });
  const close = async (): Promise<void> => {
    await Promise.allSettled(started.map(({ worker }) => worker.close()));
    for (const { connection } of started) connection.disconnect();
  };
  try {
    await Promise.all(started.map(({ worker }) => worker.waitUntilReady()));
  } catch (error) {
    await close();
    throw error;
  }
  return { failed: () => failed, stalled: () => stalled, errors: () => [...errors], processCpuMs: () => 0, close };
}
