/** The shapes of the task and case answers the inbox reads (api/routes/tasks.ts, engine/tasks/task-view.ts). */

import type { ClockState, ClockView } from '../../../../engine/clocks/clock-view';
import type { FieldType, FormField } from '../../../../engine/definitions/form-spec';

export type { ClockState, ClockView, FieldType, FormField };

/** A task of the inbox list. */
export interface TaskItem {
  id: string;
  caseId: string;
  caseTitle: string;
  receiptNo: string;
  processKey: string;
  stepId: string;
  name: string;
  status: 'open' | 'completed' | 'cancelled';
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  decisions: string[];
  form: FormField[];
  signer: string | null;
  /** While delegated (委派): the owner the task goes back to. */
  delegatedBy: string | null;
  createdAt: string;
  due: string | null;
  urgency: ClockState | null;
  clock: ClockView | null;
  completedAt: string | null;
  completedBy: string | null;
  decision: string | null;
}

/** A document of a case, by metadata. */
export interface Attachment {
  id: string;
  name: string;
  type: string;
  size: number;
  checksum: string;
  storageKey: string;
  stepId: string | null;
  taskId: string | null;
  addedBy: string;
  addedAt: string;
}

/** An opinion given with a decision; `by` is absent for the applicant. */
export interface Opinion {
  stepId: string;
  stepName: string;
  decision: string | null;
  text: string | null;
  at: string;
  by?: string;
}

export type CaseStatus = 'running' | 'completed' | 'withdrawn' | 'terminated';

/** A task as it opens: the list fields plus its case's status, materials and opinions. */
export interface TaskDetail extends TaskItem {
  caseStatus: CaseStatus;
  attachments: Attachment[];
  opinions: Opinion[];
}

export type Scope = 'mine' | 'claimable';
