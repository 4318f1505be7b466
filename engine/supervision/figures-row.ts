/** The shapes of the supervision office's figures, without dependencies, so the board's page reads the same types. */

/**
 * What the supervision office's figures are broken down by (DOMAIN: per department, per
 * process), or `unit`: every unit of the tree with its own figures and those of everything under
 * it summed, so a district compares with its sibling and the city's row is the whole city's.
 */
export type FiguresGroupBy = 'department' | 'process' | 'unit';

/** The figures of one department or process over a period (DOMAIN, E-supervision rules, "Figures"). */
export interface FiguresRow {
  /** Unit code or process key; `(none)` for a case that no department has held yet. */
  group: string;
  /** The unit's or the process's name. */
  name: string;
  /** For a unit row: the unit it rolls up into (null for the root); absent in other groupings. */
  parent?: string | null;
  /** Cases created in the period. */
  received: number;
  /** Cases that ended with status `completed` in the period (办结). */
  completed: number;
  /** Of those, the ones with no case-clock due time or ended by it. */
  onTime: number;
  /** onTime / completed to 4 decimals (按时办结率); null when nothing was completed. */
  onTimeRate: number | null;
  /** Cases with a red card raised in the period, on any of their clocks, each counted once. */
  overdue: number;
  /** Mean working days from creation to end of the completed ones, to 2 decimals; null when none. */
  averageWorkingDays: number | null;
  /** Yellow cards open now, whatever the period. */
  openYellow: number;
  /** Red cards open now, whatever the period. */
  openRed: number;
  /** Supervision notices the office sent the group in the period (not the follow-ups of ratings). */
  notices: number;
  /** Of those, the ones answered within their reply limit. */
  noticesRepliedOnTime: number;
  /** Ratings (好差评) given in the period. */
  ratings: number;
  /** Of those, 基本满意 or better. */
  satisfied: number;
  /** satisfied / ratings to 4 decimals (满意率); null when nobody rated. */
  satisfactionRate: number | null;
  /** Follow-ups (差评整改) of poor ratings given in the period. */
  followUps: number;
  /** Of those, the ones answered within their limit. */
  followUpsRepliedOnTime: number;
  /** followUpsRepliedOnTime over the follow-ups answered or past their limit, to 4 decimals (整改及时率); null when none is. */
  followUpOnTimeRate: number | null;
}
