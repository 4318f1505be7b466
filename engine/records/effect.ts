/** The effects a revision's outbox holds, and the durable jobs they schedule. */

import type { AuditRecord } from './audit';
import type { ExternalTaskRecord } from './external-task';
import type { IncidentRecord } from './incident';
import type { MessageRecord } from './message';
import type { AlertLevel, AlertRecord, NoticeRecord, NotificationRecord } from './supervision';
import type { TaskRecord } from './task';

/**
 * What a command changes outside its case document. Effects are written in the case's outbox
 * together with the new state, then applied by the projectors; applying one twice changes nothing.
 */
export type Effect =
  | { kind: 'task.upsert'; task: TaskRecord }
  | { kind: 'external-task.upsert'; task: ExternalTaskRecord }
  | { kind: 'audit.append'; entry: AuditRecord }
  | { kind: 'alert.upsert'; alert: AlertRecord }
  | { kind: 'notice.upsert'; notice: NoticeRecord }
  | { kind: 'notification.send'; notification: NotificationRecord }
  | { kind: 'incident.upsert'; incident: IncidentRecord }
  | { kind: 'deadline.schedule'; job: DeadlineJob }
  | { kind: 'timer.schedule'; job: TimerJob }
  | { kind: 'deadline.cancel'; jobId: string }
  /** A call activity's child to start, a finished child's return to its parent, or a child to end with its parent (calls/). */
  | { kind: 'call.job'; name: CallJobName; job: CallJob }
  /** A message thrown by the case, recorded and handed to the worker to deliver (messages/message-service). */
  | { kind: 'message.throw'; message: MessageRecord }
  /** Revisions `from` up to `to` of an ended case are cut down to stubs (store/case-ledger). */
  | { kind: 'revisions.prune'; from: number; to: number };

export type EffectKind = Effect['kind'];

export type CallJobName = 'call.start' | 'call.return' | 'call.end';

/** A job between a parent case and a child case; its id is deterministic per child and kind, so it runs once. */
export interface CallJob {
  id: string;
  at: number;
  childId: string;
  parentId: string;
  parentReceiptNo: string;
  /** The parent's call activity execution. */
  executionId: string;
  stepId: string;
  /** call.start: what the child is. */
  start?: { processKey: string; version: number | null; title: string; applicant: string; receiptNo: string; variables: Record<string, unknown> };
  /** call.return: how the child ended, and its variables then. */
  ended?: { status: string; receiptNo: string; variables: Record<string, unknown> };
}

/** A thrown message's job: the worker delivers the message recorded under this id. */
export interface MessageJob {
  id: string;
  at: number;
}

/** A BPMN timer event's durable job: when it fires, the FireTimer command drives the engine on. */
export interface TimerJob {
  id: string;
  caseId: string;
  executionId: string;
  stepId: string;
  at: number;
}

/** One durable timer for a clock: when it fires, the worker raises the card if the clock still says so. */
export interface DeadlineJob {
  /** Deterministic, so scheduling twice is a no-op and every node agrees on the id. */
  id: string;
  caseId: string;
  /** `case` for the case clock, else the task id of the step. */
  clockKey: string;
  level: AlertLevel;
  /** Epoch milliseconds the job fires at. */
  at: number;
}
