import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { DeadlineQueue } from '../engine/deadlines';
import { benchDeadline } from './bench-deadlines';
import { scheduleDeadlines } from './deadline-scheduling';

/**
 * How many deadlines per second `DeadlineQueue.schedule` takes on this machine and Redis, timed
 * over `count` jobs under a scratch `prefix` that is obliterated again. The deadline run sizes its
 * lead from it: due times are fixed as jobs are scheduled, so how long scheduling will take has
 * to be known before the first one.
 */
export async function probeSchedulingRate(redis: Redis, prefix: string, count: number, concurrency: number): Promise<number> {
  const queue = new DeadlineQueue(redis, prefix);
  try {
    await queue.queue.waitUntilReady();
    // an hour out: nothing comes due while the probe runs, and no worker listens on this prefix
    const window = { count: 2 * count, startMs: Date.now() + 3_600_000, windowMs: 60_000 };
    const pass = (offset: number) =>
      scheduleDeadlines(queue, { count, concurrency, stopAt: performance.now() + 30_000 }, (index) => benchDeadline(offset + index, window));
    // untimed first: cold (JIT, script loading) the rate read half the warm one, doubling the lead
    await pass(0);
    return (await pass(count)).perSecond;
  } finally {
    await queue.queue.obliterate({ force: true });
    await queue.close();
  }
}
