/** The shapes the supervision endpoints answer (engine/supervision), as JSON. */

import type { AlertKind, AlertLevel, AlertRecord, AlertStatus, AsJson, FigureCaseView, FigureOfCases, IncidentView, NoticeStatus, NoticeView, TaskRecord } from '../../../../engine/api-types';
import type { Names } from '../../shared/names';

export type { AlertKind, AlertLevel, AlertStatus };

/** A yellow or red card (黄牌 · 红牌) or a compliance point (监察点): its projection as the API sends it. */
export type Alert = AsJson<Omit<AlertRecord, '_id' | 'caseRev'>> & { id: string; departmentName: string | null };

/** One card as it opens (and as closing it answers): with the names of its handler and closer. */
export type AlertDetail = Alert & { names: Names };

export interface AlertPage {
  items: Alert[];
  /** The names of the handlers and closers the cards name. */
  names: Names;
  total: number;
  page: number;
  pageSize: number;
}

/** What the board filters alerts by; empty strings mean "any". */
export interface AlertFilter {
  level: '' | AlertLevel;
  status: '' | AlertStatus;
  kind: '' | AlertKind;
  department: string;
  process: string;
}

/** An incident (故障): a command the process engine failed on, as GET /api/incidents lists it. */
export type Incident = IncidentView;

export interface IncidentPage {
  items: Incident[];
  total: number;
}

/**
 * An open task nobody in the directory can act on (无人办理), as GET /api/supervision/unstaffed-tasks
 * lists it (engine/supervision/unstaffed-tasks.ts; that module reaches the store, so its type is
 * not imported into the browser build).
 */
export type UnstaffedTask = AsJson<Pick<TaskRecord, 'caseId' | 'caseTitle' | 'receiptNo' | 'processKey' | 'stepId' | 'name' | 'assignee' | 'candidateUsers' | 'candidateGroups' | 'createdAt'>> & {
  taskId: string;
};

export interface UnstaffedTaskPage {
  items: UnstaffedTask[];
  total: number;
}

export type { NoticeStatus, FigureOfCases };

/** A case behind a figure, as the drill-down lists it. */
export type FigureCase = FigureCaseView;

/** A supervision notice (督办), the department's written explanation (情况说明), its earlier rounds and how the office ended it. */
export type Notice = AsJson<NoticeView>;

/** The figures per department, process or unit (逐级汇总) over a period (engine/supervision/figures-row.ts). */
export type { FiguresGroupBy, FiguresRow } from '../../../../engine/api-types';

/** A period [from, to) as the API takes it: ISO instants with the China offset. */
export interface Period {
  from: string;
  to: string;
}
