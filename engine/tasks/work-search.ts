import type { ChinaDate } from '../records';
import { containing } from '../store/text-match';
import { addChinaDays, startOfChinaDay } from '../time';

/**
 * What a clerk narrows a work list by: parts of the receipt number, title and step (its name, or
 * its id exactly), the process, the applicants (usernames, resolved from the name typed before
 * the search runs), and a range of China days, both ends included.
 */
export interface WorkSearch {
  receiptNo?: string;
  title?: string;
  applicants?: string[];
  processKey?: string;
  step?: string;
  from?: ChinaDate;
  to?: ChinaDate;
}

/** Where a list keeps what a search looks at: tasks name their case's title and their own step; cases their title and open steps. */
const fields = {
  task: { title: 'caseTitle', stepName: 'name', stepId: 'stepId' },
  case: { title: 'title', stepName: 'openTasks.name', stepId: 'openTasks.stepId' },
} as const;

/**
 * The store conditions of a search, added to a list's own filter: that filter's index picks the
 * list (one person's or one department's work), these only narrow it. `dated` is the field the
 * day range applies to: when a task came in or was completed, when a case was opened.
 */
export function searchConditions(search: WorkSearch, list: keyof typeof fields, dated: 'createdAt' | 'completedAt'): Record<string, unknown> {
  const field = fields[list];
  const conditions: Record<string, unknown> = {};
  if (search.receiptNo) conditions.receiptNo = containing(search.receiptNo);
  if (search.title) conditions[field.title] = containing(search.title);
  if (search.applicants) conditions.applicant = { $in: search.applicants };
  if (search.processKey) conditions.processKey = search.processKey;
  if (search.step) conditions.$or = [{ [field.stepName]: containing(search.step) }, { [field.stepId]: search.step }];
  if (search.from || search.to) conditions[dated] = { ...(search.from ? { $gte: startOfChinaDay(search.from) } : {}), ...(search.to ? { $lt: startOfChinaDay(addChinaDays(search.to, 1)) } : {}) };
  return conditions;
}

/** The China months a day range touches (YYYY-MM), for the done list to read only those. */
export function monthRange(search: Pick<WorkSearch, 'from' | 'to'>): { first?: string; last?: string } {
  return { first: search.from?.slice(0, 7), last: search.to?.slice(0, 7) };
}
