import { computeDue, formatChinaInstant, type WorkingCalendar } from '../time';
import type { ClockState, ClockView } from './clock-view';
import type { Clock } from '../records';
export type { Clock, Extension } from '../records';

export type { ClockState, ClockView } from './clock-view';

/** Starts a clock now; called when a step with a time limit opens and when the case clock starts. */
export function startClock(limit: string, warnBefore: number, startedAt: Date, calendar: WorkingCalendar): Clock {
  return recompute({ limit, warnBefore, startedAt, pauses: [], extensions: [], due: null, dueDate: null, warnAt: null, warnings: [] }, calendar);
}

/** The clock with due and warning times computed again, after a start, pause, resume or extension. */
export function recompute(clock: Clock, calendar: WorkingCalendar): Clock {
  const result = computeDue({ start: clock.startedAt, limit: clock.limit, pauses: clock.pauses, warnWorkingDays: clock.warnBefore, calendar });
  return { ...clock, due: result.due, dueDate: result.dueDate, warnAt: result.warnAt, warnings: result.warnings };
}


/** How a clock reads at `now`, in China time; for case and task answers. */
export function clockView(clock: Clock, now: Date): ClockView {
  const due = clock.due ? new Date(clock.due) : null;
  const warnAt = clock.warnAt ? new Date(clock.warnAt) : null;
  return {
    limit: clock.limit,
    startedAt: formatChinaInstant(new Date(clock.startedAt)),
    due: due && formatChinaInstant(due),
    dueDate: clock.dueDate,
    warnAt: warnAt && formatChinaInstant(warnAt),
    state: stateAt(due, warnAt, now),
    timeLeftMs: due ? due.getTime() - now.getTime() : null,
    paused: due === null,
    pauses: clock.pauses.map((pause) => ({
      from: formatChinaInstant(new Date(pause.from)),
      to: pause.to && formatChinaInstant(new Date(pause.to)),
      ...(pause.reason ? { reason: pause.reason } : {}),
    })),
    extensions: (clock.extensions ?? []).map((extension) => ({ ...extension, at: formatChinaInstant(new Date(extension.at)) })),
    warnings: clock.warnings,
  };
}

function stateAt(due: Date | null, warnAt: Date | null, now: Date): ClockState {
  if (!due) return 'paused';
  if (now > due) return 'overdue';
  if (warnAt && now >= warnAt) return 'warning';
  return 'running';
}
