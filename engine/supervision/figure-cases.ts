import type { OrgTree } from '../org/org-tree';
import type { Models } from '../store/models';
import type { Page } from '../store/paged-find';
import type { WorkingCalendar } from '../time';
import type { FigureCaseView, FigureOfCases } from './figure-case-view';
import { cardGroup, caseGroups, checkedPeriod, contributionOf, figuresCases, tallyGroup, type FiguresCase, type FiguresQuery, type Period, type TallyGroup } from './figures';

export interface FigureCasesQuery extends FiguresQuery {
  /** The row: a department, a process key or a unit (with everything under it). */
  group: string;
  figure: FigureOfCases;
}

type ListedCase = FiguresCase & { _id: string; receiptNo: string; title: string };

/**
 * The cases behind one figure of one row (穿透查询): the same cases, read and counted the same
 * way as computeFigures, newest first, a page at a time. A case is listed once, even where a
 * unit's figure counts a joint case once for each of its departments under that unit, or a
 * card figure counts each of its cards.
 */
export async function figureCases(models: Models, calendar: WorkingCalendar, tree: OrgTree, query: FigureCasesQuery, page: Page): Promise<{ items: FigureCaseView[]; total: number }> {
  const period = checkedPeriod(query);
  const heads = await figuresCases<ListedCase>(models, query.jurisdiction ?? 'all', { _id: 1, receiptNo: 1, title: 1 });
  const inRow = rowTest(tree, query);
  const by = tallyGroup(query.groupBy);
  const behind = heads.filter((head) => countsIn(head, query.figure, by, inRow, period, calendar)).sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  return { items: behind.slice(page.offset, page.offset + page.limit).map(view), total: behind.length };
}

/** Whether a tally group belongs to the row: itself, or for a unit any department under it (the root also takes those the tree does not know). */
function rowTest(tree: OrgTree, { groupBy, group }: FigureCasesQuery): (tallied: string) => boolean {
  if (groupBy !== 'unit') return (tallied) => tallied === group;
  const under = new Set(tree.has(group) ? tree.subtree(group) : [group]);
  const isRoot = tree.root?._id === group;
  return (tallied) => under.has(tallied) || (isRoot && !tree.has(tallied));
}

function countsIn(head: FiguresCase, figure: FigureOfCases, by: TallyGroup, inRow: (group: string) => boolean, period: Period, calendar: WorkingCalendar): boolean {
  if (figure === 'openYellow' || figure === 'openRed') {
    const level = figure === 'openRed' ? 'red' : 'yellow';
    return (head.alerts ?? []).some((card) => card.status === 'open' && card.level === level && inRow(cardGroup(head, card, by)));
  }
  return contributionOf(head, period, calendar)[figure] && caseGroups(head, by).some(inRow);
}

function view(head: ListedCase): FigureCaseView {
  const iso = (value: Date | string) => new Date(value).toISOString();
  return { id: head._id, receiptNo: head.receiptNo, title: head.title, processKey: head.processKey, status: head.status, createdAt: iso(head.createdAt), endedAt: head.endedAt ? iso(head.endedAt) : null };
}
