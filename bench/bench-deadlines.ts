import { randomUUID } from 'node:crypto';
import type { Clock } from '../engine/clocks';
import { wantedDeadlines, type DeadlineJob } from '../engine/deadlines';

/** Where the deadline run's jobs fall: `count` of them evenly over [startMs, startMs + windowMs). */
export interface DeadlineWindow {
  count: number;
  /** Epoch milliseconds the first job is due. */
  startMs: number;
  windowMs: number;
}

/**
 * The `index`-th job of the deadline run: a red card on the case clock of a fresh case, built by
 * the engine's own `wantedDeadlines` so its id, data and size are what the executor schedules.
 */
export function benchDeadline(index: number, window: DeadlineWindow): DeadlineJob {
  // evenly spaced rather than random: the load on the workers is then the same in every run
  const at = window.startMs + Math.floor((index * window.windowMs) / window.count);
  const [job] = wantedDeadlines({ _id: randomUUID(), status: 'running', clock: dueClock(at), openTasks: [], notices: [], alerts: [] });
  if (!job) throw new Error('wantedDeadlines returned no job for a running clock with a due time');
  return job;
}

/** A running clock with only a due time: exactly one job (the red card) per case. */
function dueClock(at: number): Clock {
  return {
    limit: '1D',
    warnBefore: 0,
    startedAt: new Date(at - 24 * 3600 * 1000),
    pauses: [],
    extensions: [],
    due: new Date(at),
    dueDate: new Date(at).toISOString().slice(0, 10),
    warnAt: null,
    warnings: [],
  };
}
