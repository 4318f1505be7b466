import { performance } from 'node:perf_hooks';
import type { DeadlineJob, DeadlineQueue } from '../engine/deadlines';

/** How fast the deadline run put its jobs into Redis through `DeadlineQueue.schedule`. */
export interface SchedulingResult {
  scheduled: number;
  elapsedMs: number;
  perSecond: number;
  /** The time bound stopped scheduling before every job was in. */
  cutShort: boolean;
}

/** How many jobs to schedule, how many calls in flight at once, and when to give up. */
export interface SchedulingPlan {
  count: number;
  concurrency: number;
  /** performance.now() after which no further job is scheduled. */
  stopAt: number;
  /** Told the running count every tenth of the way; the probe passes none. */
  onProgress?: (done: number) => void;
}

/**
 * Called by the deadline run: schedules jobs 0..count-1 (made by `jobAt`) with `concurrency`
 * calls in flight. A sliding pool rather than fixed batches, so one slow call does not idle the
 * other slots.
 */
export async function scheduleDeadlines(queue: DeadlineQueue, plan: SchedulingPlan, jobAt: (index: number) => DeadlineJob): Promise<SchedulingResult> {
  const startedAt = performance.now();
  const step = Math.max(1, Math.round(plan.count / 10));
  let issued = 0;
  let done = 0;
  let failed = false;
  const slot = async (): Promise<void> => {
    // one failure ends every slot at its next job
    while (!failed && issued < plan.count && performance.now() < plan.stopAt) {
      const job = jobAt(issued++);
      try {
        await queue.schedule(job);
      } catch (error) {
        failed = true;
        throw error;
      }
      done++;
      if (done % step === 0) plan.onProgress?.(done);
    }
  };
  // allSettled, not all: the caller obliterates the queue on failure, so every slot must be done first
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(plan.concurrency, plan.count) }, slot));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  const elapsedMs = performance.now() - startedAt;
  return { scheduled: done, elapsedMs, perSecond: (done * 1000) / elapsedMs, cutShort: done < plan.count };
}
