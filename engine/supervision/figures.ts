import { InvalidInputError } from '../errors';
import { covers, jurisdictionFilter, type Jurisdiction, type OrgTree } from '../org/org-tree';
import type { Models } from '../store/models';
import { isSatisfied } from '../ratings';
import type { CaseAlert, CaseHead, RatingScore } from '../records';
import { addChinaDays, chinaDateOf, formatChinaInstant, type WorkingCalendar } from '../time';
import type { FiguresGroupBy, FiguresRow } from './figures-row';

export type { FiguresGroupBy, FiguresRow } from './figures-row';

/** Which figures: grouped how, over the period [from, to), of which units. */
export interface FiguresQuery {
  groupBy: FiguresGroupBy;
  /** The units whose cases count and whose rows show (the asking office's); every unit when absent. */
  jurisdiction?: Jurisdiction;
  /** First instant of the period, included. */
  from: Date;
  /** End of the period, excluded, so consecutive periods neither overlap nor leave gaps. */
  to: Date;
  /** Now, for which follow-ups are past their limit; default the system clock. */
  now?: Date;
}

/** The group of a case that has not reached any department yet (no step with a department's group has opened). */
export const NO_DEPARTMENT = '(none)';

/** The columns of {@link figuresCsv} in order, each with the heading a spreadsheet reader sees in Chinese; the English headings are the row's field names, so a script can read either. */
const CSV_COLUMNS: ReadonlyArray<[keyof FiguresRow, string]> = [
  ['group', '编码'],
  ['name', '名称'],
  ['parent', '上级单位'],
  ['received', '收件数'],
  ['completed', '办结数'],
  ['onTime', '按时办结数'],
  ['onTimeRate', '按时办结率'],
  ['overdue', '超期数'],
  ['averageWorkingDays', '平均办理工作日'],
  ['openYellow', '未关闭黄牌'],
  ['openRed', '未关闭红牌'],
  ['notices', '督办数'],
  ['noticesRepliedOnTime', '督办按时回复数'],
  ['ratings', '评价数'],
  ['satisfied', '满意数（基本满意及以上）'],
  ['satisfactionRate', '满意率'],
  ['followUps', '差评整改数'],
  ['followUpsRepliedOnTime', '差评按时整改数'],
  ['followUpOnTimeRate', '差评按时整改率'],
];

/** Rates go out as percentages, as a report reads them (0.952 → 95.2%). */
const rateColumns = new Set<keyof FiguresRow>(['onTimeRate', 'satisfactionRate', 'followUpOnTimeRate']);

/** The fields of a case head the figures read, as the projection returns them. */
export type FiguresCase = Pick<CaseHead, 'processKey' | 'departments' | 'status' | 'createdAt' | 'endedAt'> & {
  clock?: { due?: Date | string | null } | null;
  alerts?: Array<Pick<CaseAlert, 'level' | 'status' | 'department' | 'raisedAt'>>;
  notices?: Array<{ department: string; sentAt: Date | string; clock?: { due?: Date | string | null }; reply?: { at: Date | string } | null; ratingId?: string }>;
  ratings?: Array<{ department: string | null; score: number; at: Date | string }>;
};

type FiguresCard = NonNullable<FiguresCase['alerts']>[number];

/** The row's counts, summed case by case. */
type CountedFigure = 'received' | 'completed' | 'onTime' | 'overdue' | 'openYellow' | 'openRed' | 'notices' | 'noticesRepliedOnTime' | 'ratings' | 'satisfied' | 'followUps' | 'followUpsRepliedOnTime';

/**
 * The counts a row is built from, and what its mean and rates are over: the working days of the
 * completed cases, and the follow-ups answered or past their limit unanswered.
 */
type Tally = Pick<FiguresRow, CountedFigure> & { handlingWorkingDays: number; followUpsSettled: number };

/** What one case adds to each of its groups. */
interface CaseContribution {
  received: boolean;
  completed: boolean;
  onTime: boolean;
  handlingWorkingDays: number;
  overdue: boolean;
}

/** Validated period, in epoch milliseconds. */
export interface Period {
  fromMs: number;
  toMs: number;
  nowMs: number;
}

/**
 * The supervision office's figures per department or per process over a period, one row per
 * group that has something to show, sorted by group. For the supervision office's figures
 * endpoint and its CSV export. Reads the `cases` collection in one query: the case heads carry their cards and notices, so the
 * figures agree with the cases at a single point in time. Throws InvalidInputError for a
 * period that does not end after it starts.
 */
export async function computeFigures(models: Models, calendar: WorkingCalendar, tree: OrgTree, query: FiguresQuery): Promise<FiguresRow[]> {
  const period = checkedPeriod(query);
  const jurisdiction = query.jurisdiction ?? 'all';
  const cases = await figuresCases<FiguresCase>(models, jurisdiction);
  const by = tallyGroup(query.groupBy);
  const tallies = new Map<string, Tally>();
  for (const head of cases) {
    addCase(tallies, head, by, contributionOf(head, period, calendar));
    addOpenCards(tallies, head, by);
    addNotices(tallies, head, by, period);
    addRatings(tallies, head, by, period);
  }
  if (query.groupBy === 'process') return sortedRows(tallies, await processNames(models));
  for (const group of tallies.keys()) if (!covers(jurisdiction, group)) tallies.delete(group);
  const unitName = (code: string) => tree.nameOf(code);
  if (query.groupBy === 'department') return sortedRows(tallies, unitName);
  return rolledUp(tree, tallies, jurisdiction).map(({ code, parent, tally }) => ({ ...rowOf(code, unitName(code), tally), parent }));
}

/**
 * Each unit's figures with everything under it: its own department's tally plus its children's
 * rolled-up ones, so a parent's counts are exactly its own and its children's summed (a joint
 * case counts once in each unit it passed through, as in the department figures). Departments
 * the tree does not know, and cases no department has held, roll into the root.
 */
function rolledUp(tree: OrgTree, own: Map<string, Tally>, jurisdiction: Jurisdiction): Array<{ code: string; parent: string | null; tally: Tally }> {
  const root = tree.root?._id ?? null;
  const orphans = [...own.keys()].filter((code) => !tree.has(code)).sort();
  const childrenOf = (code: string): string[] => [...tree.children(code), ...(code === root ? orphans : [])];
  const rolled = new Map<string, Tally>();
  const roll = (code: string): Tally => {
    const tally = addedTallies([own.get(code) ?? emptyTally(), ...childrenOf(code).map(roll)]);
    rolled.set(code, tally);
    return tally;
  };
  const order = root === null ? orphans : [...tree.subtree(root), ...orphans];
  for (const top of root === null ? orphans : [root]) roll(top);
  return order.filter((code) => covers(jurisdiction, code)).map((code) => ({ code, parent: tree.has(code) ? (tree.unit(code)?.parent ?? null) : root, tally: rolled.get(code) ?? emptyTally() }));
}

function sortedRows(tallies: Map<string, Tally>, nameOf: (group: string) => string): FiguresRow[] {
  return [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([group, tally]) => rowOf(group, nameOf(group), tally));
}

/** Each process key's name, from its newest version. */
async function processNames(models: Models): Promise<(key: string) => string> {
  const versions = await models.definitions.find({}, { key: 1, name: 1, version: 1 }).sort({ version: 1 }).lean<Array<{ key: string; name: string }>>();
  const names = new Map(versions.map((version) => [version.key, version.name]));
  return (key) => names.get(key) || key;
}

/**
 * The rows as CSV (RFC 4180): a header of the field names, then one line per row, every line
 * ended by CRLF; a null figure is an empty field. For the figures export, so the office can open
 * them in a spreadsheet.
 */
export function figuresCsv(rows: FiguresRow[], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const header = CSV_COLUMNS.map(([column, chinese]) => csvField(locale === 'en' ? column : chinese)).join(',');
  const cell = (row: FiguresRow, column: keyof FiguresRow) => {
    const value = row[column];
    return csvField(rateColumns.has(column) && typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : value);
  };
  const lines = [header, ...rows.map((row) => CSV_COLUMNS.map(([column]) => cell(row, column)).join(','))];
  return lines.map((line) => `${line}\r\n`).join('');
}

/** Every case of the jurisdiction, cut to the fields the figures read (and any `extra` ones, such as what a list of them shows). */
export function figuresCases<Case extends FiguresCase>(models: Models, jurisdiction: Jurisdiction, extra: Record<string, 1> = {}): Promise<Case[]> {
  return models.cases.find(jurisdictionFilter(jurisdiction, 'departments'), { ...figuresProjection, ...extra }).lean<Case[]>();
}

export function checkedPeriod(query: FiguresQuery): Period {
  if (!['department', 'process', 'unit'].includes(query.groupBy)) {
    const message = `figures are grouped by "department", "process" or "unit", not ${JSON.stringify(query.groupBy)}`;
    throw new InvalidInputError(message, [{ path: 'groupBy', message }]);
  }
  const fromMs = instantOf(query.from, 'from');
  const toMs = instantOf(query.to, 'to');
  if (fromMs >= toMs) {
    const message = `the period must end after it starts: from ${formatChinaInstant(query.from)} is not before to ${formatChinaInstant(query.to)}`;
    throw new InvalidInputError(message, [{ path: 'to', message }]);
  }
  return { fromMs, toMs, nowMs: (query.now ?? new Date()).getTime() };
}

function instantOf(value: Date, name: 'from' | 'to'): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) {
    const message = `the period's "${name}" is not a valid point in time`;
    throw new InvalidInputError(message, [{ path: name, message }]);
  }
  return ms;
}

/**
 * Every case of the jurisdiction, cut to the fields the figures read. No narrower filter: on
 * FerretDB v1 `$elemMatch` over the cards silently matches nothing, so a filter narrowing to
 * cases with open cards would quietly drop them.
 */
const figuresProjection: Record<string, 0 | 1> = {
  _id: 0,
  processKey: 1,
  departments: 1,
  status: 1,
  createdAt: 1,
  endedAt: 1,
  'clock.due': 1,
  'alerts.level': 1,
  'alerts.status': 1,
  'alerts.department': 1,
  'alerts.raisedAt': 1,
  'notices.department': 1,
  'notices.sentAt': 1,
  'notices.clock.due': 1,
  'notices.reply.at': 1,
  'notices.ratingId': 1,
  'ratings.department': 1,
  'ratings.score': 1,
  'ratings.at': 1,
};

export function contributionOf(head: FiguresCase, period: Period, calendar: WorkingCalendar): CaseContribution {
  const received = within(msOf(head.createdAt), period);
  const overdue = (head.alerts ?? []).some((card) => card.level === 'red' && within(msOf(card.raisedAt), period));
  const endedMs = head.endedAt ? msOf(head.endedAt) : null;
  if (head.status !== 'completed' || endedMs === null || !within(endedMs, period)) {
    return { received, completed: false, onTime: false, handlingWorkingDays: 0, overdue };
  }
  return {
    received,
    completed: true,
    onTime: endedOnTime(head, endedMs),
    handlingWorkingDays: workingDaysBetween(calendar, new Date(msOf(head.createdAt)), new Date(endedMs)),
    overdue,
  };
}

/** A case without a case clock, or one paused when it ended, had nothing due, so it cannot be late. */
function endedOnTime(head: FiguresCase, endedMs: number): boolean {
  const due = head.clock?.due ?? null;
  return due === null || endedMs <= msOf(due);
}

/**
 * Working days after the start day up to and including the end day, as DOMAIN counts a limit:
 * a case created and closed on the same day took 0. Pauses are not taken out: this is the time
 * the applicant waited, not the time counted against the limit.
 */
function workingDaysBetween(calendar: WorkingCalendar, start: Date, end: Date): number {
  const last = chinaDateOf(end);
  let days = 0;
  // ChinaDate strings are zero-padded YYYY-MM-DD, so string order is date order.
  for (let date = addChinaDays(chinaDateOf(start), 1); date <= last; date = addChinaDays(date, 1)) {
    if (calendar.isWorkingDay(date)) days += 1;
  }
  return days;
}

/** A case counts in every department it passed through, so a joint case is in each department's figures. */
export type TallyGroup = 'department' | 'process';

/** Units roll up from their departments' tallies. */
export function tallyGroup(groupBy: FiguresGroupBy): TallyGroup {
  return groupBy === 'process' ? 'process' : 'department';
}

export function caseGroups(head: FiguresCase, groupBy: TallyGroup): string[] {
  if (groupBy === 'process') return [head.processKey];
  const departments = [...new Set(head.departments ?? [])];
  return departments.length > 0 ? departments : [NO_DEPARTMENT];
}

/** A card belongs to the department whose step it is about, else to the case's first department. */
export function cardGroup(head: FiguresCase, card: FiguresCard, groupBy: TallyGroup): string {
  if (groupBy === 'process') return head.processKey;
  return card.department ?? head.departments?.[0] ?? NO_DEPARTMENT;
}

function addCase(tallies: Map<string, Tally>, head: FiguresCase, groupBy: TallyGroup, contribution: CaseContribution): void {
  const { received, completed, onTime, handlingWorkingDays, overdue } = contribution;
  // A case that adds nothing must not make an all-zero row for its groups.
  if (!received && !completed && !overdue) return;
  for (const group of caseGroups(head, groupBy)) {
    const tally = tallyOf(tallies, group);
    tally.received += Number(received);
    tally.completed += Number(completed);
    tally.onTime += Number(onTime);
    tally.handlingWorkingDays += handlingWorkingDays;
    tally.overdue += Number(overdue);
  }
}

function addOpenCards(tallies: Map<string, Tally>, head: FiguresCase, groupBy: TallyGroup): void {
  for (const card of head.alerts ?? []) {
    if (card.status !== 'open') continue;
    const tally = tallyOf(tallies, cardGroup(head, card, groupBy));
    if (card.level === 'yellow') tally.openYellow += 1;
    else tally.openRed += 1;
  }
}

/**
 * A notice counts for the department it was sent to (or the case's process), in the period it
 * was sent: the office's notices as notices, the follow-ups of poor ratings as follow-ups.
 */
function addNotices(tallies: Map<string, Tally>, head: FiguresCase, groupBy: TallyGroup, period: Period): void {
  for (const notice of head.notices ?? []) {
    if (!within(msOf(notice.sentAt), period)) continue;
    const tally = tallyOf(tallies, groupBy === 'process' ? head.processKey : notice.department);
    const due = notice.clock?.due;
    const onTime = Boolean(notice.reply && (!due || msOf(notice.reply.at) <= msOf(due)));
    if (notice.ratingId === undefined) {
      tally.notices += 1;
      tally.noticesRepliedOnTime += Number(onTime);
      continue;
    }
    tally.followUps += 1;
    tally.followUpsRepliedOnTime += Number(onTime);
    tally.followUpsSettled += Number(Boolean(notice.reply) || (Boolean(due) && msOf(due as Date | string) < period.nowMs));
  }
}

/** A rating counts for the department rated (or the case's process), in the period it was given. */
function addRatings(tallies: Map<string, Tally>, head: FiguresCase, groupBy: TallyGroup, period: Period): void {
  for (const rating of head.ratings ?? []) {
    if (!within(msOf(rating.at), period)) continue;
    const tally = tallyOf(tallies, groupBy === 'process' ? head.processKey : (rating.department ?? NO_DEPARTMENT));
    tally.ratings += 1;
    tally.satisfied += Number(isSatisfied(rating.score as RatingScore));
  }
}

function tallyOf(tallies: Map<string, Tally>, group: string): Tally {
  let tally = tallies.get(group);
  if (!tally) {
    tally = emptyTally();
    tallies.set(group, tally);
  }
  return tally;
}

function emptyTally(): Tally {
  return { received: 0, completed: 0, onTime: 0, handlingWorkingDays: 0, overdue: 0, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, followUps: 0, followUpsRepliedOnTime: 0, followUpsSettled: 0 };
}

function addedTallies(tallies: Tally[]): Tally {
  const sum = emptyTally();
  for (const tally of tallies) for (const field of Object.keys(sum) as Array<keyof Tally>) sum[field] += tally[field];
  return sum;
}

function rowOf(group: string, name: string, tally: Tally): FiguresRow {
  const { received, completed, onTime, handlingWorkingDays, overdue, openYellow, openRed, notices, noticesRepliedOnTime, ratings, satisfied, followUps, followUpsRepliedOnTime, followUpsSettled } = tally;
  return {
    group,
    name,
    received,
    completed,
    onTime,
    onTimeRate: completed === 0 ? null : rounded(onTime / completed, 4),
    overdue,
    averageWorkingDays: completed === 0 ? null : rounded(handlingWorkingDays / completed, 2),
    openYellow,
    openRed,
    notices,
    noticesRepliedOnTime,
    ratings,
    satisfied,
    satisfactionRate: ratings === 0 ? null : rounded(satisfied / ratings, 4),
    followUps,
    followUpsRepliedOnTime,
    followUpOnTimeRate: followUpsSettled === 0 ? null : rounded(followUpsRepliedOnTime / followUpsSettled, 4),
  };
}

function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function within(ms: number, { fromMs, toMs }: Period): boolean {
  return ms >= fromMs && ms < toMs;
}

/** Mongoose does not cast inside Mixed fields (clock, alerts), so read any stored instant through Date. */
function msOf(value: Date | string): number {
  return new Date(value).getTime();
}

function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
