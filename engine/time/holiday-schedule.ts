import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError, type ProblemDetail } from '../errors';
import { chinaDateOfDay, chinaWeekday, dayNumberOf, isChinaDate, type ChinaDate } from './china-date';
import type { HolidaySchedule } from '../records';
export type { AdjustedWorkday, HolidayPeriod, HolidaySchedule } from '../records';

/**
 * One year's State Council holiday schedule (国务院办公厅关于…年部分节假日安排的通知), kept as data
 * because it is published late in the year before and can change: an administrator adds
 * `processes/calendars/<year>.json` without a release.
 */

const chinaDate = z.string().refine(isChinaDate, { error: 'expected a real date written YYYY-MM-DD' });
const holidayName = z.string().trim().min(1, { error: 'name the holiday' });

/**
 * The zod schema of a year file. Besides the shape it checks that every date lies in the file's
 * year, that a holiday does not end before it starts, and that an adjusted working day is a
 * Saturday or Sunday that is not also a holiday. Used by {@link parseHolidaySchedule}; exported
 * for the API that will accept schedules from administrators.
 */
export const holidayScheduleSchema = z
  .strictObject({
    year: z.int().min(1000).max(9999),
    source: z.string().trim().min(1, { error: 'name the notice the schedule comes from' }),
    published: chinaDate,
    holidays: z.array(z.strictObject({ name: holidayName, from: chinaDate, to: chinaDate })),
    workdays: z.array(z.strictObject({ date: chinaDate, name: holidayName })),
  })
  .superRefine((schedule, ctx) => {
    for (const problem of scheduleProblems(schedule)) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
    }
  });

interface ScheduleProblem {
  path: (string | number)[];
  message: string;
}

function scheduleProblems(schedule: HolidaySchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const outsideYear = (date: ChinaDate) => !date.startsWith(`${schedule.year}-`);
  const holidayOn = new Map<ChinaDate, string>();
  schedule.holidays.forEach((holiday, index) => {
    const strayEnds = (['from', 'to'] as const).filter((end) => outsideYear(holiday[end]));
    for (const end of strayEnds) {
      problems.push({ path: ['holidays', index, end], message: `${holiday[end]} is not in ${schedule.year}, the year of this schedule` });
    }
    if (strayEnds.length > 0) return;
    if (holiday.to < holiday.from) {
      problems.push({ path: ['holidays', index, 'to'], message: `${holiday.name} ends on ${holiday.to}, before it starts on ${holiday.from}` });
      return;
    }
    for (let day = dayNumberOf(holiday.from); day <= dayNumberOf(holiday.to); day++) {
      holidayOn.set(chinaDateOfDay(day), holiday.name);
    }
  });
  const seen = new Set<ChinaDate>();
  schedule.workdays.forEach((workday, index) => {
    const path = ['workdays', index, 'date'];
    const holiday = holidayOn.get(workday.date);
    if (outsideYear(workday.date)) problems.push({ path, message: `${workday.date} is not in ${schedule.year}, the year of this schedule` });
    if (seen.has(workday.date)) problems.push({ path, message: `${workday.date} is listed twice as a working day` });
    if (holiday !== undefined) problems.push({ path, message: `${workday.date} is both a holiday (${holiday}) and a working day` });
    const weekday = chinaWeekday(workday.date);
    if (weekday !== 0 && weekday !== 6) {
      problems.push({
        path,
        message: `${workday.date} is a ${WEEKDAY_NAMES[weekday]}, already a working day: list only weekend days worked in exchange (调休上班)`,
      });
    }
    seen.add(workday.date);
  });
  return problems;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * Validates one year's schedule, from a file or an administrator's request, and returns it typed.
 * Throws InvalidInputError (422) whose message lists every problem and whose details point at
 * each one (e.g. `/workdays/0/date`); `origin` names the file or request in the message.
 */
export function parseHolidaySchedule(value: unknown, origin = 'the holiday schedule'): HolidaySchedule {
  const result = holidayScheduleSchema.safeParse(value);
  if (result.success) return result.data;
  const details: ProblemDetail[] = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? `/${issue.path.map(String).join('/')}` : '',
    message: issue.message,
  }));
  const listed = details.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message)).join('; ');
  throw new InvalidInputError(`${origin} is not a valid holiday schedule: ${listed}`, details, 422);
}

/**
 * The folder of shipped schedules, `processes/calendars` in the project folder (the nearest
 * folder above this file holding package.json, so it works from source and from dist).
 * {@link loadHolidaySchedules} and `WorkingCalendar.load` read it when given no folder.
 */
export function defaultCalendarFolder(): string {
  return join(projectRoot(__dirname), 'processes', 'calendars');
}

/**
 * Reads and validates every `<year>.json` in a folder (default {@link defaultCalendarFolder}),
 * sorted by year. Called once at start-up by whoever builds the WorkingCalendar. A JSON file not
 * named after a year, a file whose `year` differs from its name, unreadable JSON or an invalid
 * schedule stops the load with InvalidInputError: a wrong calendar would silently move due dates.
 */
export async function loadHolidaySchedules(folder: string = defaultCalendarFolder()): Promise<HolidaySchedule[]> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json')).sort();
  const schedules: HolidaySchedule[] = [];
  for (const file of files) {
    const path = join(folder, file);
    const yearInName = /^(\d{4})\.json$/.exec(file)?.[1];
    if (yearInName === undefined) {
      throw new InvalidInputError(`${path}: name a holiday schedule file after its year, e.g. 2026.json`, [], 422);
    }
    const schedule = parseHolidaySchedule(parseJson(await readFile(path, 'utf8'), path), path);
    if (schedule.year !== Number(yearInName)) {
      throw new InvalidInputError(`${path} holds the schedule for ${schedule.year}: name it ${schedule.year}.json`, [], 422);
    }
    schedules.push(schedule);
  }
  return schedules;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${path} is not valid JSON: ${(error as Error).message}`, [], 422);
  }
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json in any folder above ${from}`);
  }
}
