import { dayNumberOf, type ChinaDate, type DayNumber } from './china-date';
import type { CalendarDay, WorkingCalendar } from './working-calendar';

/**
 * The calendar as one computation sees it: the same answers, plus a note of every year it asked
 * about that no loaded schedule covers. DOMAIN requires such days to be counted by weekdays
 * alone and never silently, so computeDue turns the notes into warnings in its answer; the
 * caller logs them. Made by {@link WorkingCalendar.track}; use one per computation.
 */
export class TrackedCalendar {
  readonly #calendar: WorkingCalendar;
  readonly #unscheduledYears = new Set<number>();

  /** Made by {@link WorkingCalendar.track}. */
  constructor(calendar: WorkingCalendar) {
    this.#calendar = calendar;
  }

  /** Everything the calendar knows about a date, noting its year if unscheduled. */
  day(date: ChinaDate): CalendarDay {
    return this.#note(this.#calendar.day(date));
  }

  /** Whether a date is a working day, noting its year if unscheduled. */
  isWorkingDay(date: ChinaDate): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /** {@link isWorkingDay} by day number, for the counting loops inside engine/time. */
  isWorkingDayNumber(day: DayNumber): boolean {
    return this.#note(this.#calendar.dayByNumber(day)).working;
  }

  /** Years asked about without a schedule, ascending. */
  get unscheduledYears(): readonly number[] {
    return [...this.#unscheduledYears].sort((a, b) => a - b);
  }

  /** One warning per unscheduled year asked about, for the answer and the log. */
  warnings(): string[] {
    return this.unscheduledYears.map((year) => unscheduledYearWarning(year, this.#calendar.loadedYears));
  }

  #note(day: CalendarDay): CalendarDay {
    if (!day.scheduled) this.#unscheduledYears.add(Number(day.date.slice(0, 4)));
    return day;
  }
}

/**
 * The warning for a year no loaded schedule covers, e.g. "2027 is outside the loaded holiday
 * schedules (2025, 2026): its days were counted by weekdays alone". Exported so that other
 * answers about single days word it the same way.
 */
export function unscheduledYearWarning(year: number, loadedYears: readonly number[]): string {
  const loaded = loadedYears.length > 0 ? loadedYears.join(', ') : 'none are loaded';
  return `${year} is outside the loaded holiday schedules (${loaded}): its days were counted by weekdays alone`;
}
