import type { AuditFacts } from '../audit';
import type { Audience } from '../records';
import type { DefinitionRegistry } from '../definitions';
import type { CaseRecord } from '../records';
import type { Actor } from '../users/actor';
import type { WorkingCalendar } from '../time';
import type { EngineLease } from './engine-lease';

/** What every command gets from the executor besides the case. */
export interface CommandContext {
  actor: Actor;
  now: Date;
  definitions: DefinitionRegistry;
  /** Where the command gets its engine; the executor keeps or discards it. */
  engines: EngineLease;
  /** The working calendar clocks are computed on. */
  calendar: WorkingCalendar;
}

/** A notification a command sends: its words name nobody by id; `by` and `unit` say who acted and where (NotificationRecord). */
export interface OutgoingNotification {
  audience: Audience;
  kind: string;
  message: string;
  by?: string;
  unit?: string;
}

/** A command's outcome: the case as it should be next, what to audit, and what to answer. */
export interface CaseChange<Result> {
  /** The next case; the executor fills rev, outbox, audit head and timestamps. */
  next: CaseRecord;
  audit: AuditFacts;
  /** The task this command completed; other tasks that disappear are projected as cancelled. */
  completed?: { taskId: string; by: string; decision: string | null };
  /** In-app notifications to send, through the outbox, once the revision is written. */
  notifications?: OutgoingNotification[];
  result: Result;
}

/** Returned by a command that finds nothing to change (e.g. claiming a task one already holds). */
export interface Unchanged<Result> {
  unchanged: Result;
}

/**
 * A change to an existing case. `apply` checks the command against the loaded case and computes
 * the change without writing anything; it may run several times when a concurrent writer wins.
 */
export interface CaseCommand<Result> {
  readonly name: string;
  readonly caseId: string;
  /**
   * The step the command acts at on the loaded case (the task's step, the timer's or the
   * awaited message's event), for incidents: where a failure is recorded when the engine names
   * no element, and which open incident the command settles when it goes through again.
   */
  target?(current: CaseRecord): string | null;
  apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Result> | Unchanged<Result>>;
}

/** A command that creates a case; a replay with the same case id answers from the stored case. */
export interface CreateCaseCommand<Result> {
  readonly name: string;
  readonly caseId: string;
  /** The application's title, for the incident of a start that fails. */
  readonly title: string;
  /** The id was derived from the request (an Idempotency-Key), so a replay may find its case stored. */
  readonly mayExist: boolean;
  create(context: CommandContext): Promise<CaseChange<Result>>;
  replay(existing: CaseRecord): Result;
}

export function isUnchanged<Result>(outcome: CaseChange<Result> | Unchanged<Result>): outcome is Unchanged<Result> {
  return 'unchanged' in outcome;
}
