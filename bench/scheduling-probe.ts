import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { DeadlineQueue } from '../engine/deadlines';
import { benchDeadline } from './bench-deadlines';
import { scheduleDeadlines } from './deadline-scheduling';

/**
 * How many deadlines per second `DeadlineQueue.schedule` takes on this machine and Redis, from
 * `count` jobs scheduled under a scratch `prefix` that is obliterated again. The deadline run
 * sizes its lead from it: due times are fixed as jobs are scheduled, so the time scheduling will
 * take has to be known before the first one.
 */
export async function probeSchedulingRate(redis: Redis, prefix: string, count: number, concurrency: number): Promise<number> {
  const queue = new DeadlineQueue(redis, prefix, () => new Date());
  try {
    await queue.queue.waitUntilReady();
    // an hour out: nothing comes due while the probe runs, and no worker listens on this prefix
    const window = { count, startMs: Date.now() + 3_600_000, windowMs: 60_000 };
    const result = await scheduleDeadlines(queue, { count, concurrency, stopAt: performance.now() + 30_000 }, (index) => benchDeadline(index, window));
    return result.perSecond;
  } finally {
    await queue.queue.obliterate({ force: true });
    await queue.close();
  }
}
