import { InvalidInputError } from '../errors';
import type { TaskRecord } from '../records';
import { chinaDateOf, startOfChinaDay } from '../time';
import { actorKeys, peopleKeys, type Actor } from '../users';
import { departmentsOf } from './task-access';

/** The open lists of the inbox: tasks I hold, tasks nobody holds that I may claim, and (leaders) every open step of my departments. */
export type InboxScope = 'mine' | 'claimable' | 'department';

/**
 * The filter of an open inbox list. Its fields are set on open tasks only (the task
 * projection empties them when a task closes), so their indexes hold open tasks alone and
 * closed ones never slow the inbox down.
 */
export function inboxFilter(actor: Actor, scope: InboxScope): Record<string, unknown> {
  if (scope === 'mine') return { holder: actor.username };
  if (scope === 'claimable') return { queue: { $in: actorKeys(actor) } };
  return { openUnits: { $in: ledUnits(actor) } };
}

/** The units a leader leads: their own department and, for a leader over several, those of their jurisdiction. */
export function ledUnits(actor: Actor): string[] {
  const jurisdiction = Array.isArray(actor.jurisdiction) ? actor.jurisdiction : [];
  return [...new Set([...(actor.department ? [actor.department] : []), ...jurisdiction])];
}

/**
 * The departments an open task is the work of: the units of its groups, else (a task for named
 * people only) the departments its case passed through; none once it is closed.
 */
export function openUnitsOf(task: Pick<TaskRecord, 'status' | 'candidateGroups'>, caseDepartments: readonly string[]): string[] {
  if (task.status !== 'open') return [];
  const units = departmentsOf(task);
  return [...new Set(units.length > 0 ? units : caseDepartments)];
}

/** The fields the inbox lists read a task projection by, derived from the task's state. */
export function inboxKeys(task: Pick<TaskRecord, 'status' | 'assignee' | 'candidateUsers' | 'candidateGroups' | 'completedBy' | 'completedAt'>): Pick<TaskRecord, 'holder' | 'queue' | 'doneKey'> {
  const open = task.status === 'open';
  return {
    holder: open ? task.assignee : null,
    queue: open && task.assignee === null ? peopleKeys(task.candidateUsers, task.candidateGroups) : [],
    doneKey: task.status === 'completed' && task.completedBy && task.completedAt ? doneKey(task.completedBy, new Date(task.completedAt)) : null,
  };
}

/** The key of one person's tasks completed in one China month (YYYY-MM). */
export function doneKey(username: string, completedAt: Date): string {
  return monthKey(username, chinaMonth(completedAt));
}

function monthKey(username: string, month: string): string {
  return `${username}|${month}`;
}

/** A page of the done list (已办), newest first; `nextCursor` reads on from where it stopped, null once nothing older can exist. */
export interface DonePage {
  items: TaskRecord[];
  nextCursor: string | null;
}

/** How many months one request looks back at most before it answers with what it found and a cursor. */
const monthsPerRequest = 12;

/** How far back the done list reaches: files of administrative work are kept about as long. */
const doneListYears = 10;

/**
 * The months the done list reads, newest first: from this month (or the last month of a day
 * range) back ten years (or to the range's first month).
 */
export function doneMonths(now: Date, range: { first?: string; last?: string } = {}): { newest: string; oldest: string } {
  const thisMonth = chinaMonth(now);
  const tenYearsBack = `${Number(thisMonth.slice(0, 4)) - doneListYears}${thisMonth.slice(4)}`;
  return { newest: range.last && range.last < thisMonth ? range.last : thisMonth, oldest: range.first && range.first > tenYearsBack ? range.first : tenYearsBack };
}

/**
 * The filter counting one person's whole done list at once, over the months it reads: by who
 * completed it (an index of its own; a hundred month keys would make the store give up on its
 * index), so the count costs that person's work, never everyone's.
 */
export function doneCountFilter(username: string, months: { newest: string; oldest: string }): Record<string, unknown> {
  return { completedBy: username, status: 'completed', completedAt: { $gte: startOfChinaDay(`${months.oldest}-01`), $lt: startOfChinaDay(`${nextMonth(months.newest)}-01`) } };
}

/**
 * The done list, read one month of one person at a time (tasks.doneKey), so a page costs what
 * a month of work holds, not the person's whole history: at most a year of months per request,
 * back to `months.oldest`. Called by the service surface with `read`, which fetches one month's
 * tasks (narrowed by the same search on every page, so the cursor's count stays true).
 */
export async function readDoneList(read: (key: string) => Promise<TaskRecord[]>, username: string, page: { limit: number; cursor?: string; months: { newest: string; oldest: string } }): Promise<DonePage> {
  let { month, skip } = page.cursor ? parseCursor(page.cursor) : { month: page.months.newest, skip: 0 };
  const items: TaskRecord[] = [];
  for (let scanned = 0; scanned < monthsPerRequest && month >= page.months.oldest && items.length < page.limit; scanned++) {
    const done = (await read(monthKey(username, month))).sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
    const taken = done.slice(skip, skip + page.limit - items.length);
    items.push(...taken);
    skip += taken.length;
    // the page filled up before the month ran out: go on in this month
    if (skip < done.length) return { items, nextCursor: cursor(month, skip) };
    month = previousMonth(month);
    skip = 0;
  }
  return { items, nextCursor: month >= page.months.oldest ? cursor(month, 0) : null };
}

function chinaMonth(at: Date): string {
  return chinaDateOf(at).slice(0, 7);
}

function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function cursor(month: string, skip: number): string {
  return `${month}.${skip}`;
}

function parseCursor(text: string): { month: string; skip: number } {
  const match = /^(\d{4}-(?:0[1-9]|1[0-2]))\.(\d{1,6})$/.exec(text);
  if (!match) throw new InvalidInputError('the cursor is not one this list gave out', [{ path: 'cursor', message: 'pass the nextCursor of the previous page unchanged' }]);
  return { month: match[1], skip: Number(match[2]) };
}
