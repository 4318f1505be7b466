import { InvalidInputError } from '../errors';
import type { TaskRecord } from '../records';
import { chinaDateOf } from '../time';
import { actorKeys, peopleKeys, type Actor } from '../users';

/** The open lists of the inbox: tasks I hold, and tasks nobody holds that I may claim. */
export type InboxScope = 'mine' | 'claimable';

/**
 * The filter of an open inbox list. Both fields are set on open tasks only (the task
 * projection empties them when a task closes), so their indexes hold open tasks alone and
 * closed ones never slow the inbox down.
 */
export function inboxFilter(actor: Actor, scope: InboxScope): Record<string, unknown> {
  return scope === 'mine' ? { holder: actor.username } : { queue: { $in: actorKeys(actor) } };
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
  return `${username}|${chinaMonth(completedAt)}`;
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
 * The done list, read one month of one person at a time (tasks.doneKey), so a page costs what
 * a month of work holds, not the person's whole history: at most a year of months per request,
 * ten years back in all. Called by the service surface with `read`, which fetches one month's tasks.
 */
export async function readDoneList(read: (key: string) => Promise<TaskRecord[]>, username: string, page: { limit: number; cursor?: string; now: Date }): Promise<DonePage> {
  const thisMonth = chinaMonth(page.now);
  const first = `${Number(thisMonth.slice(0, 4)) - doneListYears}${thisMonth.slice(4)}`;
  let { month, skip } = page.cursor ? parseCursor(page.cursor) : { month: thisMonth, skip: 0 };
  const items: TaskRecord[] = [];
  for (let scanned = 0; scanned < monthsPerRequest && month >= first && items.length < page.limit; scanned++) {
    const done = (await read(`${username}|${month}`)).sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
    const taken = done.slice(skip, skip + page.limit - items.length);
    items.push(...taken);
    skip += taken.length;
    // the page filled up before the month ran out: go on in this month
    if (skip < done.length) return { items, nextCursor: cursor(month, skip) };
    month = previousMonth(month);
    skip = 0;
  }
  return { items, nextCursor: month >= first ? cursor(month, 0) : null };
}

function chinaMonth(at: Date): string {
  return chinaDateOf(at).slice(0, 7);
}

function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

function cursor(month: string, skip: number): string {
  return `${month}.${skip}`;
}

function parseCursor(text: string): { month: string; skip: number } {
  const match = /^(\d{4}-(?:0[1-9]|1[0-2]))\.(\d{1,6})$/.exec(text);
  if (!match) throw new InvalidInputError('the cursor is not one this list gave out', [{ path: 'cursor', message: 'pass the nextCursor of the previous page unchanged' }]);
  return { month: match[1], skip: Number(match[2]) };
}
