/** The shapes of the task and case answers the inbox reads (api/routes/tasks.ts, engine/tasks/task-view.ts). */

import type { ClockState, ClockView } from '../../../../engine/clocks/clock-view';
import type { FieldType, FormField } from '../../../../engine/definitions/form-spec';
import type { AsJson, Attachment as StoredAttachment, CaseStatus, TaskRecord } from '../../../../engine/records';
import type { Names } from '../../shared/names';

export type { CaseStatus, ClockState, ClockView, FieldType, FormField };

/** A task of the inbox list: its stored projection as the API sends it, with its clock as seen now. */
export type TaskItem = AsJson<Omit<TaskRecord, '_id' | 'caseRev' | 'clock'>> & { id: string; urgency: ClockState | null; clock: ClockView | null };

/** A document of a case, by metadata. */
export type Attachment = AsJson<StoredAttachment>;

/** An opinion given with a decision; `by` is absent for the applicant. */
export interface Opinion {
  stepId: string;
  stepName: string;
  decision: string | null;
  text: string | null;
  at: string;
  by?: string;
}


/** A task as it opens: the list fields plus its case's status, materials and opinions. */
export interface TaskDetail extends TaskItem {
  caseStatus: CaseStatus;
  attachments: Attachment[];
  opinions: Opinion[];
  /** The names of the people and units the task mentions. */
  names: Names;
}

/** A list of tasks with the names of the people and units its items mention. */
export interface TaskList {
  items: TaskItem[];
  names: Names;
}

export type Scope = 'mine' | 'claimable';
