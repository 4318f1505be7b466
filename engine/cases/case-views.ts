import type { AuditRecord, CaseHead, CaseStatus } from '../store/records';
import { clockView, type ClockView } from '../clocks';
import type { Actor } from '../users/actor';

export interface CurrentStep {
  taskId: string;
  stepId: string;
  name: string;
  assignee: string | null;
  candidateGroups: string[];
  since: string;
  clock: ClockView | null;
}

export interface HistoryItem {
  at: string;
  action: string;
  stepName: string | null;
  statusAfter: CaseStatus;
  actor?: string;
  decision?: string | null;
  comment?: string | null;
}

export interface CaseView {
  id: string;
  processKey: string;
  version: number;
  title: string;
  receiptNo: string;
  queryCode?: string;
  status: CaseStatus;
  applicant: string;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
  /** The case clock (promised, else statutory limit), once started. */
  clock: ClockView | null;
  currentSteps: CurrentStep[];
  history: HistoryItem[];
}

/** The answer to GET /cases/{id}. The applicant sees the steps, not the staff's names or internal opinions. */
export function caseView(record: CaseHead, entries: AuditRecord[], viewer: Actor, now = new Date()): CaseView {
  const isApplicant = viewer.username === record.applicant;
  return {
    id: record._id,
    processKey: record.processKey,
    version: record.version,
    title: record.title,
    receiptNo: record.receiptNo,
    ...(isApplicant ? { queryCode: record.queryCode } : {}),
    status: record.status,
    applicant: record.applicant,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    endedAt: record.endedAt?.toISOString() ?? null,
    clock: record.clock ? clockView(record.clock, now) : null,
    currentSteps: record.openTasks.map((task) => ({
      taskId: task.id,
      stepId: task.stepId,
      name: task.name,
      assignee: isApplicant ? null : task.assignee,
      candidateGroups: task.candidateGroups,
      since: new Date(task.createdAt).toISOString(),
      clock: task.clock ? clockView(task.clock, now) : null,
    })),
    history: entries.map((entry) =>
      isApplicant
        ? { at: entry.at, action: entry.action, stepName: entry.stepName, statusAfter: entry.statusAfter }
        : { at: entry.at, action: entry.action, stepName: entry.stepName, statusAfter: entry.statusAfter, actor: entry.actor, decision: entry.decision, comment: entry.comment },
    ),
  };
}

export interface ProgressView {
  receiptNo: string;
  status: CaseStatus;
  currentSteps: string[];
  updatedAt: string;
}

/** The public progress answer: status and step names only, no personal data. */
export function progressView(record: CaseHead): ProgressView {
  return {
    receiptNo: record.receiptNo,
    status: record.status,
    currentSteps: record.openTasks.map((task) => task.name),
    updatedAt: record.updatedAt.toISOString(),
  };
}
