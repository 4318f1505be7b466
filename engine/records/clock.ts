/** Step, case and reply clocks with their pauses and extensions, and China dates. */

/** A running statutory or promised clock of a case or a step, with its computed times. */
export interface Clock {
  /** As written in the model: 3WD, 90D, 48H. */
  limit: string;
  /** Yellow card when this many working days or less are left. */
  warnBefore: number;
  startedAt: Date;
  pauses: Pause[];
  /** Extensions granted (e.g. +10WD with the agency head's approval, Licensing Law §42). */
  extensions: Extension[];
  /** Null while paused: nothing is due while the clock stands still. */
  due: Date | null;
  dueDate: string | null;
  warnAt: Date | null;
  /** Calendar warnings, e.g. a year outside the loaded holiday schedules. */
  warnings: string[];
}

/** An extension of a clock's limit: who granted how much, when and why. */
export interface Extension {
  at: Date;
  by: string;
  added: string;
  reason: string;
}

/**
 * A stretch during which a case's clock stood still (时限中止): a hearing, an inspection, expert
 * review, waiting for the applicant's supplementary materials (Licensing Law §45). The clock is
 * paused from `from` (included) to `to` (excluded); `to: null` means the pause has not ended.
 */
export interface Pause {
  from: Date;
  to: Date | null;
  reason?: string;
}

/**
 * A calendar date in China, written `YYYY-MM-DD` (e.g. `2026-02-14`). Schedules, due dates and
 * the calendar's answers use it; a string keeps it readable in JSON, logs and test literals.
 */
export type ChinaDate = string;
