import { InvalidInputError } from '../errors';
import type { ChinaDate } from '../records';
export type { ChinaDate } from '../records';

/**
 * China's calendar, read without the process time zone.
 *
 * Legal time limits count days in China Standard Time (UTC+8, no daylight saving) wherever the
 * server runs, so nothing here calls a local-time getter or `Date.parse` on a zoneless string:
 * an instant is shifted by a fixed eight hours and read with UTC getters.
 */

/** Day of the week as `Date#getUTCDay` numbers it: 0 is Sunday, 6 is Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Whole days since 1970-01-01 in China. Used inside engine/time, where counting days is plain
 * integer arithmetic; other folders use {@link ChinaDate}.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const LAST_SECOND_OF_DAY_MS = MS_PER_DAY - 1_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). The schedule
 * schema and every function taking a {@link ChinaDate} check with it.
 */
export function isChinaDate(text: unknown): text is ChinaDate {
  return typeof text === 'string' && civilDayNumber(text) !== undefined;
}

/** The day number of a date; throws InvalidInputError when the text is not a real date. */
export function dayNumberOf(date: ChinaDate): DayNumber {
  const day = civilDayNumber(date);
  if (day === undefined) {
    throw new InvalidInputError(`${JSON.stringify(date)} is not a date written YYYY-MM-DD`);
  }
  return day;
}

/** The date of a day number; the inverse of {@link dayNumberOf}. */
export function chinaDateOfDay(day: DayNumber): ChinaDate {
  // Day numbers count from the UTC epoch, so the UTC fields of the day's first millisecond name it.
  const first = new Date(day * MS_PER_DAY);
  return `${pad(first.getUTCFullYear(), 4)}-${pad(first.getUTCMonth() + 1, 2)}-${pad(first.getUTCDate(), 2)}`;
}

/** The China day on which an instant falls. */
export function dayNumberOfInstant(instant: Date): DayNumber {
  return Math.floor((instantMs(instant) + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/** The instant a China day begins (00:00+08:00), in epoch milliseconds. */
export function startOfDayMs(day: DayNumber): number {
  return day * MS_PER_DAY - CHINA_OFFSET_MS;
}

/** The last whole second of a China day (23:59:59+08:00), in epoch milliseconds; see {@link endOfChinaDay}. */
export function endOfDayMs(day: DayNumber): number {
  return startOfDayMs(day) + LAST_SECOND_OF_DAY_MS;
}

/**
 * The China date on which an instant falls, e.g. 2026-09-30T16:00:00Z → `2026-10-01`.
 * Due-date answers and the calendar's callers use it to name the day of an event.
 */
export function chinaDateOf(instant: Date): ChinaDate {
  return chinaDateOfDay(dayNumberOfInstant(instant));
}

/** 00:00 China time of a date: the moment that decides whether the day counts towards a limit. */
export function startOfChinaDay(date: ChinaDate): Date {
  return new Date(startOfDayMs(dayNumberOf(date)));
}

/**
 * 23:59:59 China time of a date: how due-date answers represent "the end of the day" of a
 * day-based limit. The limit is kept through that last second; from 00:00 of the next day
 * (`now > due`) the case is overdue.
 */
export function endOfChinaDay(date: ChinaDate): Date {
  return new Date(endOfDayMs(dayNumberOf(date)));
}

/** The date `days` calendar days after (or, when negative, before) a date. */
export function addChinaDays(date: ChinaDate, days: number): ChinaDate {
  if (!Number.isInteger(days)) throw new InvalidInputError(`cannot add ${days} days: use a whole number`);
  return chinaDateOfDay(dayNumberOf(date) + days);
}

/** The weekday of a date; the calendar uses it for Saturdays and Sundays. */
export function chinaWeekday(date: ChinaDate): Weekday {
  return weekdayOfDay(dayNumberOf(date));
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: DayNumber): Weekday {
  return (((day + 4) % 7) + 7) % 7 as Weekday;
}

/**
 * An instant as ISO 8601 in China time, e.g. `2026-02-27T23:59:59+08:00` (milliseconds only when
 * not zero). For answers, messages and logs that a person in China reads.
 */
export function formatChinaInstant(instant: Date): string {
  const shifted = new Date(instantMs(instant) + CHINA_OFFSET_MS);
  const date = chinaDateOfDay(Math.floor(shifted.getTime() / MS_PER_DAY));
  const time = `${pad(shifted.getUTCHours(), 2)}:${pad(shifted.getUTCMinutes(), 2)}:${pad(shifted.getUTCSeconds(), 2)}`;
  const millis = shifted.getUTCMilliseconds();
  return `${date}T${time}${millis === 0 ? '' : `.${pad(millis, 3)}`}+08:00`;
}

/** Epoch milliseconds of a Date; an Invalid Date is refused rather than counted as NaN days. */
export function instantMs(instant: Date, what = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidInputError(`the ${what} is not a valid point in time`);
  return ms;
}

function civilDayNumber(text: string): DayNumber | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const roundTrips = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return roundTrips ? Math.round(probe.getTime() / MS_PER_DAY) : undefined;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
