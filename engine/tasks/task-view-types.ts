import type { CaseView } from '../cases/case-view-types';
import type { ClockState, ClockView } from '../clocks/clock-view';
import type { CaseHead, TaskRecord } from '../records';
import type { Names } from '../users/names';
import type { TaskNote } from './task-notes';

/** A task of a work list: its stored projection with its clock as seen now. Node-free, for the pages too (engine/api-types.ts). */
export type TaskView = Omit<TaskRecord, '_id' | 'caseRev' | 'clock'> & { id: string; urgency: ClockState | null; clock: ClockView | null };

/**
 * A task as a clerk opens it: its form and decisions, whether its decision is legally binding
 * (a decisive step), what was done to it (退回, 委派, 交回…), plus its case's materials and opinions so far.
 */
export type OpenedTask = TaskView & { caseStatus: CaseHead['status']; decisive: boolean; notes: TaskNote[]; attachments: CaseView['attachments']; opinions: CaseView['opinions']; names: Names };
