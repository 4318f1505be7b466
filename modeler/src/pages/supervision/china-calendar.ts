/** China-time (UTC+8, no daylight saving) dates and months, whatever the browser's own zone. */

const chinaOffsetMs = 8 * 3600_000;

/** A China calendar date as YYYY-MM-DD. */
export type ChinaDate = string;

export function todayInChina(now: Date = new Date()): ChinaDate {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** The first instant of a China date, as the API takes instants. */
export function startOfChinaDay(date: ChinaDate): string {
  return `${date}T00:00:00+08:00`;
}

export function addDays(date: ChinaDate, days: number): ChinaDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from the month of `date` (0 = that month). */
export function monthStart(date: ChinaDate, offset = 0): ChinaDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}

export interface Month {
  /** YYYY-MM, as the charts label it. */
  label: string;
  from: string;
  to: string;
}

/** The last `count` China months, oldest first, the current one last. */
export function lastMonths(count: number, now: Date = new Date()): Month[] {
  const today = todayInChina(now);
  return Array.from({ length: count }, (_, index) => {
    const first = monthStart(today, index - count + 1);
    return { label: first.slice(0, 7), from: startOfChinaDay(first), to: startOfChinaDay(monthStart(first, 1)) };
  });
}
