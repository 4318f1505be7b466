import { InvalidInputError } from '../engine';
import { computeDue, formatChinaInstant, WorkingCalendar, type Pause } from '../engine/time';

export interface DueOptions {
  from: string;
  limit: string;
  pause: string[];
  warn: string;
}

/** What `govflow due` prints: the China due date, the due and yellow-card instants in +08:00, and calendar warnings. */
export interface DueAnswer {
  dueDate: string | null;
  due: string | null;
  warnAt: string | null;
  warnings: string[];
}

/**
 * `govflow due --from <ISO instant> --limit <N>WD|<N>D|<N>H [--pause <ISO>/<ISO>]… [--warn <W>]`:
 * the deadline arithmetic of DOMAIN.md on the shipped holiday schedules, for clerks and scripts.
 * Throws InvalidInputError (exit code 2) with a one-line reason for any bad argument.
 */
export async function dueCommand(options: DueOptions): Promise<DueAnswer> {
  const result = computeDue({
    start: instant(options.from, '--from'),
    limit: options.limit,
    pauses: options.pause.map(pause),
    warnWorkingDays: wholeNumber(options.warn, '--warn'),
    calendar: await WorkingCalendar.load(),
  });
  return {
    dueDate: result.dueDate,
    due: result.due && formatChinaInstant(result.due),
    warnAt: result.warnAt && formatChinaInstant(result.warnAt),
    warnings: result.warnings,
  };
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(text: string, flag: string): Date {
  const value = new Date(text);
  if (!isoInstant.test(text) || Number.isNaN(value.getTime())) {
    throw new InvalidInputError(`${flag} must be an ISO 8601 instant with an offset, like 2026-03-02T09:30:00+08:00, not "${text}"`);
  }
  return value;
}

function pause(text: string): Pause {
  const [from, to, ...rest] = text.split('/');
  if (to === undefined || rest.length > 0) throw new InvalidInputError(`--pause must be <ISO instant>/<ISO instant>, not "${text}"`);
  const pause = { from: instant(from, '--pause start'), to: instant(to, '--pause end') };
  if (pause.to <= pause.from) throw new InvalidInputError(`--pause must end after it starts: "${text}"`);
  return pause;
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidInputError(`${flag} must be a whole number of working days, not "${text}"`);
  return Number(text);
}
