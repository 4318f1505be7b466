import { InvalidInputError } from '../errors';
import { chinaDateOfDay, dayNumberOfInstant, endOfDayMs, instantMs, startOfDayMs, type ChinaDate, type DayNumber } from './china-date';
import { PausedTime, type Pause } from './pause';
import { toTimeLimit, type TimeLimit } from './time-limit';
import type { TrackedCalendar } from './tracked-calendar';
import type { WorkingCalendar } from './working-calendar';

/** What {@link computeDue} needs to know about one limit of a case or step. */
export interface DueDateInput {
  /** When the clock started: acceptance of the case, creation of the step. */
  start: Date;
  /** `20WD`, `90D`, `48H` or the parsed form. */
  limit: TimeLimit | string;
  /** The pauses so far, in any order, overlapping or not. Default: none. */
  pauses?: readonly Pause[];
  /** W of the yellow card: warn when W working days or less are left. Default 2. */
  warnWorkingDays?: number;
  calendar: WorkingCalendar;
}

/** The answer of {@link computeDue}. While the clock is paused every time is null. */
export interface DueDate {
  /** The China date the limit ends on. */
  dueDate: ChinaDate | null;
  /**
   * The last instant within the limit. Day limits end with their last day, shown as 23:59:59
   * China time (`2026-02-27T23:59:59+08:00`); the case is overdue when `now > due`.
   */
  due: Date | null;
  /** When the yellow card is due: W working days or less left. Never before `start`. */
  warnAt: Date | null;
  /** One sentence per year counted without a holiday schedule; say it in the answer and the log. */
  warnings: string[];
  /** True while a pause has not ended: nothing is due until the case resumes. */
  paused: boolean;
}

/** {@link DueDateInput} with its defaults applied and checked once. */
interface DueDateRequest {
  startMs: number;
  startDay: DayNumber;
  limit: TimeLimit;
  pauses: PausedTime;
  warnWorkingDays: number;
  calendar: TrackedCalendar;
}

const HOUR_MS = 3_600_000;

/**
 * When a limit ends and when its yellow card is due, by DOMAIN's counting rules: a day counts
 * only if the clock was running at its 00:00 China time, so the start day never counts and a day
 * paused at 00:00 does not either. Called by the runtime when a case or step starts, when a pause
 * ends and when a limit is extended, and by e-supervision to raise yellow and red cards.
 * Throws InvalidInputError for an invalid limit, instant, pause or W.
 */
export function computeDue(input: DueDateInput): DueDate {
  const request = compile(input);
  if (request.pauses.open) return { dueDate: null, due: null, warnAt: null, warnings: [], paused: true };
  const due = dueInstant(request);
  const dueDay = dayNumberOfInstant(new Date(due));
  const warnAt = Math.max(startOfDayMs(warnDay(request, dueDay)), request.startMs);
  return {
    dueDate: chinaDateOfDay(dueDay),
    due: new Date(due),
    warnAt: new Date(warnAt),
    warnings: request.calendar.warnings(),
    paused: false,
  };
}

function compile(input: DueDateInput): DueDateRequest {
  const startMs = instantMs(input.start, 'start of the limit');
  const warnWorkingDays = input.warnWorkingDays ?? 2;
  if (!Number.isInteger(warnWorkingDays) || warnWorkingDays < 1) {
    throw new InvalidInputError(`the yellow card's working days must be a whole number of at least 1, not ${warnWorkingDays}`);
  }
  return {
    startMs,
    startDay: dayNumberOfInstant(input.start),
    limit: toTimeLimit(input.limit),
    pauses: new PausedTime(input.pauses ?? []),
    warnWorkingDays,
    calendar: input.calendar.track(),
  };
}

function dueInstant(request: DueDateRequest): number {
  const { amount, unit } = request.limit;
  switch (unit) {
    case 'working-days':
      return endOfDayMs(nthCountedWorkingDay(request, amount));
    case 'days':
      return endOfDayMs(naturalDayLimitEnd(request, amount));
    case 'hours':
      return request.pauses.addRunningTime(request.startMs, amount * HOUR_MS);
  }
}

/** The day of the n-th counted working day after the start. */
function nthCountedWorkingDay(request: DueDateRequest, n: number): DayNumber {
  let found = 0;
  for (const day of countedDays(request)) {
    if (request.calendar.isWorkingDayNumber(day) && ++found === n) return day;
  }
  throw new Error('unreachable: counted days never run out');
}

/**
 * The n-th counted calendar day, or when that is not a working day the next working day. The
 * next working day must itself be counted: a day paused at 00:00 never ends a limit, since the
 * case would fall due in the middle of its pause.
 */
function naturalDayLimitEnd(request: DueDateRequest, n: number): DayNumber {
  let found = 0;
  for (const day of countedDays(request)) {
    if (++found >= n && request.calendar.isWorkingDayNumber(day)) return day;
  }
  throw new Error('unreachable: counted days never run out');
}

/**
 * The day whose 00:00 raises the yellow card: W−1 counted working days before the due day (the
 * due day itself for W = 1). Searching stops at the start day, which never counts; computeDue
 * then clamps the card to the start.
 */
function warnDay(request: DueDateRequest, dueDay: DayNumber): DayNumber {
  let day = dueDay;
  for (let left = request.warnWorkingDays - 1; left > 0; left--) {
    const earlier = previousCountedWorkingDay(request, day);
    if (earlier === undefined) return request.startDay;
    day = earlier;
  }
  return day;
}

function previousCountedWorkingDay(request: DueDateRequest, before: DayNumber): DayNumber | undefined {
  for (let day = before - 1; day > request.startDay; day--) {
    if (isCounted(request, day) && request.calendar.isWorkingDayNumber(day)) return day;
  }
  return undefined;
}

/** The days after the start day whose 00:00 found the clock running; endless, callers stop. */
function* countedDays(request: DueDateRequest): Generator<DayNumber> {
  for (let day = request.startDay + 1; ; day++) {
    if (isCounted(request, day)) yield day;
  }
}

function isCounted(request: DueDateRequest, day: DayNumber): boolean {
  return day > request.startDay && !request.pauses.covers(startOfDayMs(day));
}
