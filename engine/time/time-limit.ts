import { InvalidInputError } from '../errors';

/**
 * How a limit counts: working days (`WD`, e.g. the 20 days of a licensing decision), natural
 * days (`D`, e.g. the 90 days of a penalty case) or running hours (`H`).
 */
export type TimeLimitUnit = 'working-days' | 'days' | 'hours';

/** A parsed time limit, e.g. `{ amount: 20, unit: 'working-days' }` for `20WD`. */
export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/**
 * The largest amount a limit may have. Statutory limits are at most a few hundred days; the
 * bound turns a typo such as `2000000WD` into an error instead of a very long count.
 */
export const MAX_TIME_LIMIT_AMOUNT = 9999;

const UNIT_BY_SUFFIX: Record<string, TimeLimitUnit> = { WD: 'working-days', D: 'days', H: 'hours' };
const SUFFIX_BY_UNIT: Record<TimeLimitUnit, string> = { 'working-days': 'WD', days: 'D', hours: 'H' };
const LIMIT_PATTERN = /^([1-9]\d*)(WD|D|H)$/i;

/**
 * Reads a limit written `<N>WD`, `<N>D` or `<N>H` (units in either case, N a whole number from
 * 1 to {@link MAX_TIME_LIMIT_AMOUNT}). Used for limits in process definitions and requests, and
 * by computeDue when given text. Throws InvalidInputError saying what is accepted.
 */
export function parseTimeLimit(text: string): TimeLimit {
  const match = typeof text === 'string' ? LIMIT_PATTERN.exec(text) : null;
  const amount = match ? Number(match[1]) : Number.NaN;
  if (!match || amount > MAX_TIME_LIMIT_AMOUNT) {
    throw new InvalidInputError(
      `${JSON.stringify(text)} is not a time limit: write <N>WD for working days, <N>D for natural days ` +
        `or <N>H for hours, N a whole number from 1 to ${MAX_TIME_LIMIT_AMOUNT} (e.g. 20WD, 90D, 48H)`,
    );
  }
  return { amount, unit: UNIT_BY_SUFFIX[match[2].toUpperCase()] };
}

/** Writes a limit the way {@link parseTimeLimit} reads it, e.g. `20WD`; for messages and storage. */
export function formatTimeLimit(limit: TimeLimit): string {
  return `${limit.amount}${SUFFIX_BY_UNIT[limit.unit]}`;
}

/**
 * A limit given as text or already parsed, checked either way; computeDue calls it so that a
 * hand-built `{ amount: 0, … }` is refused like the text `0WD`.
 */
export function toTimeLimit(limit: TimeLimit | string): TimeLimit {
  if (typeof limit === 'string') return parseTimeLimit(limit);
  const known = limit !== null && typeof limit === 'object' && Object.hasOwn(SUFFIX_BY_UNIT, limit.unit);
  return parseTimeLimit(known ? formatTimeLimit(limit) : String(limit));
}
