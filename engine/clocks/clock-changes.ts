import { InvalidInputError } from '../errors';
import { formatTimeLimit, parseTimeLimit, type WorkingCalendar } from '../time';
import { recompute, type Clock } from './clock';

/** The clock stands still from `at` (时限中止) until resumed; nothing is due meanwhile. */
export function pauseClock(clock: Clock, at: Date, reason: string, calendar: WorkingCalendar): Clock {
  return recompute({ ...clock, pauses: [...clock.pauses, { from: at, to: null, reason }] }, calendar);
}

/** Ends the open pause at `at`; due and warning move back by the paused time (per DOMAIN.md's counting). */
export function resumeClock(clock: Clock, at: Date, calendar: WorkingCalendar): Clock {
  const pauses = clock.pauses.map((pause) => (pause.to === null ? { ...pause, to: at } : pause));
  return recompute({ ...clock, pauses }, calendar);
}

/** Adds `added` (same unit as the limit, e.g. +10WD) to the clock's limit. */
export function extendClock(clock: Clock, added: string, extension: { at: Date; by: string; reason: string }, calendar: WorkingCalendar): Clock {
  const limit = parseTimeLimit(clock.limit);
  const extra = parseTimeLimit(added);
  if (extra.unit !== limit.unit) {
    throw new InvalidInputError(`the extension must be in the unit of the limit ${clock.limit}`, [{ path: '/extension', message: `use ${formatTimeLimit({ ...extra, unit: limit.unit })}` }], 422);
  }
  const extended = formatTimeLimit({ unit: limit.unit, amount: limit.amount + extra.amount });
  return recompute({ ...clock, limit: extended, extensions: [...(clock.extensions ?? []), { ...extension, added }] }, calendar);
}

/** True while an open pause holds the clock. */
export function isPaused(clock: Clock | null): boolean {
  return clock?.pauses.some((pause) => pause.to === null) ?? false;
}
