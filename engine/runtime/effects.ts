import type { DeadlineJob, TimerJob } from '../deadlines/deadline-jobs';
import type { AlertRecord, AuditRecord, NoticeRecord, NotificationRecord, TaskRecord } from '../store/records';

/**
 * What a command changes outside its case document. Effects are written in the case's outbox
 * together with the new state, then applied by the projectors; applying one twice changes nothing.
 */
export type Effect =
  | { kind: 'task.upsert'; task: TaskRecord }
  | { kind: 'audit.append'; entry: AuditRecord }
  | { kind: 'alert.upsert'; alert: AlertRecord }
  | { kind: 'notice.upsert'; notice: NoticeRecord }
  | { kind: 'notification.send'; notification: NotificationRecord }
  | { kind: 'deadline.schedule'; job: DeadlineJob }
  | { kind: 'timer.schedule'; job: TimerJob }
  | { kind: 'deadline.cancel'; jobId: string }
  /** Revisions `from` up to `to` of an ended case are cut down to stubs (store/case-ledger). */
  | { kind: 'revisions.prune'; from: number; to: number };

export type EffectKind = Effect['kind'];
