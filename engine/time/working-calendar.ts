import { InvalidInputError } from '../errors';
import { chinaDateOfDay, dayNumberOf, weekdayOfDay, type ChinaDate, type DayNumber } from './china-date';
import { loadHolidaySchedules, parseHolidaySchedule, type HolidaySchedule } from './holiday-schedule';
import { TrackedCalendar } from './tracked-calendar';

/**
 * What a day is: an ordinary weekday or weekend day, a statutory holiday, or a weekend day
 * worked in exchange for a holiday (调休上班).
 */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** The calendar's answer about one day. */
export interface CalendarDay {
  date: ChinaDate;
  kind: DayKind;
  /** Monday–Friday except holidays, plus adjusted workdays. */
  working: boolean;
  /** The holiday a `holiday` or `adjusted-workday` belongs to. */
  holiday?: string;
  /**
   * False when no loaded schedule covers the day's year: the answer then rests on the weekday
   * alone, and whoever reports it must say so (see {@link WorkingCalendar.track}).
   */
  scheduled: boolean;
}

/**
 * Working days in China under the loaded State Council schedules. Built once at start-up (by
 * {@link WorkingCalendar.load} from `processes/calendars`, or from schedules in hand) and shared:
 * it holds no state that changes after construction.
 */
export class WorkingCalendar {
  readonly #schedules: ReadonlyMap<number, HolidaySchedule>;
  readonly #holidays = new Map<DayNumber, string>();
  readonly #workdays = new Map<DayNumber, string>();

  /** Validates every schedule again (they may be built in code) and refuses two for one year. */
  constructor(schedules: readonly HolidaySchedule[]) {
    const byYear = new Map<number, HolidaySchedule>();
    for (const given of schedules) {
      const schedule = parseHolidaySchedule(given, `the holiday schedule for ${String(given?.year)}`);
      if (byYear.has(schedule.year)) {
        throw new InvalidInputError(`two holiday schedules for ${schedule.year}: keep one`, [], 422);
      }
      byYear.set(schedule.year, schedule);
      this.#index(schedule);
    }
    this.#schedules = new Map([...byYear].sort(([a], [b]) => a - b));
  }

  /** Reads the schedules in `folder` (default `processes/calendars`); see loadHolidaySchedules. */
  static async load(folder?: string): Promise<WorkingCalendar> {
    return new WorkingCalendar(await loadHolidaySchedules(folder));
  }

  /** The years a schedule was loaded for, ascending; named in "outside the schedules" warnings. */
  get loadedYears(): readonly number[] {
    return [...this.#schedules.keys()];
  }

  /** The schedule of a year, for showing its source and publication date. */
  scheduleFor(year: number): HolidaySchedule | undefined {
    return this.#schedules.get(year);
  }

  /** Whether a schedule for the year is loaded. */
  covers(year: number): boolean {
    return this.#schedules.has(year);
  }

  /** Everything the calendar knows about a date. */
  day(date: ChinaDate): CalendarDay {
    return this.dayByNumber(dayNumberOf(date));
  }

  /**
   * Whether a date is a working day. It does not say when the answer rests on weekdays alone;
   * a computation that reports to people uses {@link track} instead, or reads {@link day}.
   */
  isWorkingDay(date: ChinaDate): boolean {
    return this.day(date).working;
  }

  /**
   * A view for one computation that remembers every year it asked about without a schedule,
   * so the answer can carry the warning DOMAIN requires. Used by computeDue.
   */
  track(): TrackedCalendar {
    return new TrackedCalendar(this);
  }

  /** {@link day} by day number, for the counting loops inside engine/time. */
  dayByNumber(day: DayNumber): CalendarDay {
    const date = chinaDateOfDay(day);
    const scheduled = this.covers(Number(date.slice(0, 4)));
    const holiday = this.#holidays.get(day);
    if (holiday !== undefined) return { date, kind: 'holiday', working: false, holiday, scheduled };
    const madeUp = this.#workdays.get(day);
    if (madeUp !== undefined) return { date, kind: 'adjusted-workday', working: true, holiday: madeUp, scheduled };
    const weekday = weekdayOfDay(day);
    const weekend = weekday === 0 || weekday === 6;
    return { date, kind: weekend ? 'weekend' : 'weekday', working: !weekend, scheduled };
  }

  #index(schedule: HolidaySchedule): void {
    for (const holiday of schedule.holidays) {
      for (let day = dayNumberOf(holiday.from); day <= dayNumberOf(holiday.to); day++) this.#holidays.set(day, holiday.name);
    }
    for (const workday of schedule.workdays) this.#workdays.set(dayNumberOf(workday.date), workday.name);
  }
}
