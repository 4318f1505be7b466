import type { CaseStatus } from '../records';

/** The figures a list of cases stands behind: the counts of cases, and of open cards by the cases they are on. */
export const figuresOfCases = ['received', 'completed', 'onTime', 'overdue', 'openYellow', 'openRed'] as const;
export type FigureOfCases = (typeof figuresOfCases)[number];

/** A case behind a figure, as the drill-down lists it. */
export interface FigureCaseView {
  id: string;
  receiptNo: string;
  title: string;
  processKey: string;
  status: CaseStatus;
  createdAt: string;
  endedAt: string | null;
}
