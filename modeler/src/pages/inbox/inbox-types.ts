/** The shapes of the task and case answers the inbox reads (api/routes/tasks.ts, engine/tasks/task-view.ts). */

import type { AsJson, Attachment as StoredAttachment, CaseStatus, ClockState, ClockView, FieldType, FormField, OpenedTask, OpinionView, TaskNote, TaskView } from '../../../../engine/api-types';
import type { Names } from '../../shared/names';

export type { CaseStatus, ClockState, ClockView, FieldType, FormField, TaskNote };

/** A task of the inbox list: its stored projection as the API sends it, with its clock as seen now. */
export type TaskItem = AsJson<TaskView>;

/** A document of a case, by metadata. */
export type Attachment = AsJson<StoredAttachment>;

/** An opinion given with a decision; `by` is absent for the applicant. */
export type Opinion = OpinionView;

/** A task as it opens: the list fields plus whether it decides the case, what was done to it, its case's status, materials and opinions. */
export type TaskDetail = AsJson<OpenedTask>;

/** A page of a list with its true total and the names of the people and units its items mention. */
export interface ListPage<Item> {
  items: Item[];
  total: number;
  names: Names;
  /** The done list pages by cursor: where the next page starts, null at its end. */
  nextCursor?: string | null;
}

export type TaskList = ListPage<TaskItem>;

/** The lists of tasks: 我的待办, 待签收, 本部门在办 (leaders) and 已办. */
export type TaskScope = 'mine' | 'claimable' | 'department' | 'done';
/** The lists of cases: 我发起的 and 抄送我的. */
export type CaseScope = 'started' | 'copied';
export type Scope = TaskScope | CaseScope;

export function isCaseScope(scope: Scope): scope is CaseScope {
  return scope === 'started' || scope === 'copied';
}
