import { Cron } from 'croner';
import { ISOInterval, getDate } from '@0dep/piso';
import { hasTemplate } from '../expressions';

/**
 * The values a BPMN timer may hold in govflow: ISO 8601 dates (`timeDate`), durations and
 * repeating intervals (`PT10M`, `R3/PT10M`), cron cycles (Quartz's six or seven fields, as
 * Camunda and Flowable write them, or the classic five), and legal time limits (`3WD`); a
 * `${…}`/`= …` value is known only when the case runs.
 */
export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

const legalLimit = /^\s*[1-9]\d*(WD|D|H)\s*$/i;
const chinaTime = 'Asia/Shanghai';
/** Largest value of each field of a Quartz pattern (seconds first), for `start/step` written without a range. */
const quartzMaxima = [59, 59, 23, 31, 12, 7, 2199];

/** Why a timer value cannot run, or undefined when it can (or is an expression known only at run time). */
export function timerValueProblem(kind: TimerKind, value: string): string | undefined {
  const text = value.trim();
  if (hasTemplate(text) || text.startsWith('=')) return undefined;
  if (kind !== 'timeDate' && legalLimit.test(text)) return undefined;
  if (kind === 'timeCycle' && isCron(text)) return cronProblem(text);
  try {
    if (kind === 'timeDate') getDate(text);
    else new ISOInterval(text).parse();
    return undefined;
  } catch {
    const expected = kind === 'timeDate' ? 'an ISO 8601 date-time such as 2027-01-01T09:00:00+08:00' : kind === 'timeDuration' ? 'an ISO 8601 duration such as PT10M or P3D, or a legal limit such as 3WD' : 'an ISO 8601 repeating interval such as R3/PT10M, or a cron pattern such as 0 0 9 ? * MON-FRI';
    return `${kind} "${text}" is not ${expected}`;
  }
}

/** A cron pattern has five to seven space-separated fields; ISO 8601 values have no spaces. */
export function isCron(text: string): boolean {
  const fields = text.trim().split(/\s+/).length;
  return fields >= 5 && fields <= 7;
}

/** The next time a cron pattern fires after `from`, counted in China time. */
export function nextCronRun(pattern: string, from: Date): Date | null {
  return cronOf(pattern).nextRun(from);
}

function cronProblem(pattern: string): string | undefined {
  try {
    return nextCronRun(pattern, new Date()) ? undefined : `cron pattern "${pattern}" never fires again`;
  } catch (error) {
    return `cron pattern "${pattern}" does not parse: ${(error as Error).message}`;
  }
}

/**
 * Quartz numbers weekdays 1 (Sunday) to 7 and writes `0/5` for "from 0 every 5"; croner reads
 * the former with alternativeWeekdays and the latter as a range, so six- and seven-field
 * patterns are read the Quartz way.
 */
function cronOf(pattern: string): Cron {
  const fields = pattern.trim().split(/\s+/);
  const quartz = fields.length > 5;
  const normalised = quartz ? fields.map((field, index) => field.replace(/^(\d+)\/(\d+)$/, `$1-${quartzMaxima[index]}/$2`)).join(' ') : fields.join(' ');
  return new Cron(normalised, { paused: true, timezone: chinaTime, alternativeWeekdays: quartz, legacyMode: true });
}

/**
 * A cycle as BullMQ's job scheduler reads cron (cron-parser: seconds first, Sunday 0): Quartz's
 * `?` is `*`, its weekdays 1–7 from Sunday become 0–6, and a year field left open is dropped.
 * Five-field patterns are classic cron already.
 */
export function schedulerPattern(pattern: string): string {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length <= 5) return fields.join(' ');
  const [second, minute, hour, day, month, weekday] = fields.map((field) => (field === '?' ? '*' : field));
  const shifted = weekday.replace(/\d+/g, (number) => String((Number(number) + 6) % 7));
  return [second, minute, hour, day, month, shifted].join(' ');
}
