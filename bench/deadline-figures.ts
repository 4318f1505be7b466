import type { TargetCheck } from './figures';
import { percentile, round } from './stats';

/** How late the deadlines fired, in milliseconds past their due time. */
export interface LatenessSummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Where the deadline run's BullMQ workers run: all in the bench process, or one per child
 * process as one per govflow node.
 */
export type WorkerMode = 'in-process' | 'processes';

/** Everything the deadline run found; printed as a block and put into the closing JSON line. */
export interface DeadlineFigures {
  /** Deadlines the plan asked for; `scheduled` is fewer only if scheduling ran out of time. */
  deadlines: number;
  scheduled: number;
  workers: number;
  workerConcurrency: number;
  workerMode: WorkerMode;
  /** From the start of scheduling to the first due time, and the span the due times cover. */
  leadMs: number;
  windowMs: number;
  scheduling: {
    /** The rate the probe measured, from which the lead was sized. */
    probedPerSecond: number;
    elapsedMs: number;
    perSecond: number;
    cutShort: boolean;
    /** Scheduling was still going when the first deadline came due. */
    overranLead: boolean;
  };
  redis: {
    usedMemoryBefore: number;
    usedMemoryAfterScheduling: number;
    /** `getDelayedCount()` right after scheduling, before any worker ran. */
    pendingAfterScheduling: number;
    bytesPerPending: number;
    /** After the run: DeadlineQueue keeps completed jobs for a week (removeOnComplete.age). */
    usedMemoryAfterFiring: number;
    bytesPerFiredKept: number;
  };
  fired: number;
  missed: number;
  duplicated: number;
  failed: number;
  stalled: number;
  latenessMs: LatenessSummary;
  firing: {
    /** From the first due time until every job fired or the time bound passed; the window is `windowMs`. */
    elapsedMs: number;
    /** CPU of the bench process (with in-process workers, theirs too), in % of one core. */
    nodeCpuPercent: number;
    /** CPU of all worker processes together, in % of one core; 0 with in-process workers. */
    workerProcessesCpuPercent: number;
    redisCpuPercent: number;
  };
  errors: string[];
  targets: TargetCheck[];
}

/** The aims for the deadline run. */
const aims = { missed: 0, duplicated: 0, p99LatenessMs: 1000 };

/** Called by the deadline run once firing is over. */
export function deadlineTargets(missed: number, duplicated: number, lateness: LatenessSummary): TargetCheck[] {
  return [
    { aim: `deadlines missed = ${aims.missed}`, actual: missed, met: missed === aims.missed },
    { aim: `deadlines duplicated = ${aims.duplicated}`, actual: duplicated, met: duplicated === aims.duplicated },
    // NaN (nothing fired) compares false, so an empty run reads as a miss
    { aim: `deadline lateness p99 <= ${aims.p99LatenessMs} ms`, actual: lateness.p99, met: lateness.p99 <= aims.p99LatenessMs },
  ];
}

/** p50/p95/p99/max of the first-fire lateness samples, rounded to 0.1 ms. */
export function summariseLateness(samples: readonly number[]): LatenessSummary {
  const max = samples.length === 0 ? Number.NaN : samples.reduce((highest, sample) => Math.max(highest, sample), -Infinity);
  const at = (fraction: number) => round(percentile(samples, fraction), 1);
  return { count: samples.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(max, 1) };
}
