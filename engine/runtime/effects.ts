import type { AuditRecord, TaskRecord } from '../store/records';

/**
 * What a command changes outside its case document. Effects are written in the case's outbox
 * together with the new state, then applied by the projectors; applying one twice changes nothing.
 */
export type Effect =
  | { kind: 'task.upsert'; task: TaskRecord }
  | { kind: 'audit.append'; entry: AuditRecord };

export type EffectKind = Effect['kind'];
