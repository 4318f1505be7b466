import { ConflictError, ProcessRunError } from '../../../errors';
import { fetchable, lockHeld, withExternalTask } from '../../../external-tasks/case-external-tasks';
import { lockedView, type LockedExternalTask } from '../../../external-tasks/external-task-view';
import { inputVariables } from '../../../external-tasks/task-variables';
import type { CaseRecord, ExternalTask } from '../../../records';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../../command';
import { assertRunning } from '../case-guards';
import { assertLockHolder, externalTaskFacts, externalTaskFor } from './external-task-guards';
import { exhausted } from './fail-external-task';

/** What a lock attempt gave: the task for the worker, or why it could not be handed out (its input mapping failed: now an incident). */
export type LockOutcome = { locked: LockedExternalTask } | { failed: string };

/**
 * Fetch-and-lock takes one task: a worker of a client serving the topic locks it for `lockMs`.
 * Of two workers racing for it, the executor lets one write; the other runs again on that
 * revision and finds it locked (409), and the fetch goes on to the next task.
 */
export class LockExternalTask implements CaseCommand<LockOutcome> {
  readonly name = 'LockExternalTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly workerId: string,
    readonly lockMs: number,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<LockOutcome>> {
    const task = externalTaskFor(current, this.taskId, context.actor);
    if (!fetchable(task, context.now)) throw new ConflictError(`external task "${task.name}" is not available: ${unavailableBecause(task, context.now)}`);
    const locked: ExternalTask = { ...task, lock: { client: context.actor.username, workerId: this.workerId, until: new Date(context.now.getTime() + this.lockMs) } };
    const definition = await context.definitions.get(current.processKey, current.version);
    try {
      const variables = inputVariables(definition.catalogue.externalTasks[task.stepId], current.variables);
      return { next: withExternalTask(current, locked), audit: { action: 'external-task.locked', ...externalTaskFacts(task), comment: `${this.workerId}, ${this.lockMs} ms` }, result: { locked: lockedView(current, locked, variables) } };
    } catch (error) {
      if (!(error instanceof ProcessRunError)) throw error;
      // nobody could ever be handed this task: it waits for an administrator instead of failing every fetch
      const { next } = exhausted(current, task, { message: error.reason, details: null, by: context.actor.username, at: context.now }, definition, context);
      return { next, audit: { action: 'external-task.failed', ...externalTaskFacts(task), comment: `${error.reason} (no retries left: incident)` }, result: { failed: error.reason } };
    }
  }
}

function unavailableBecause(task: ExternalTask, now: Date): string {
  if (task.retries === 0) return 'its retries ran out and it waits for an administrator';
  if (task.lock && lockHeld(task, now)) return `another worker holds it until ${task.lock.until.toISOString()}`;
  return `it is retried from ${task.retryAt?.toISOString() ?? 'later'}`;
}

/** The worker holding the lock needs longer: the lock runs `lockMs` from now. */
export class ExtendExternalTaskLock implements CaseCommand<{ id: string; lockExpiresAt: string }> {
  readonly name = 'ExtendExternalTaskLock';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly workerId: string,
    readonly lockMs: number,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<{ id: string; lockExpiresAt: string }>> {
    assertRunning(current);
    const task = externalTaskFor(current, this.taskId, context.actor);
    assertLockHolder(task, context.actor, this.workerId, context.now);
    const until = new Date(context.now.getTime() + this.lockMs);
    const extended: ExternalTask = { ...task, lock: { client: context.actor.username, workerId: this.workerId, until } };
    return { next: withExternalTask(current, extended), audit: { action: 'external-task.lock-extended', ...externalTaskFacts(task), comment: `${this.workerId} until ${until.toISOString()}` }, result: { id: task.id, lockExpiresAt: until.toISOString() } };
  }
}

/** The worker gives the task back before its lock ends, so another may fetch it at once; an ended lock needs no unlocking. */
export class UnlockExternalTask implements CaseCommand<{ id: string }> {
  readonly name = 'UnlockExternalTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly workerId: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<{ id: string }> | Unchanged<{ id: string }>> {
    const task = externalTaskFor(current, this.taskId, context.actor);
    if (!task.lock || !lockHeld(task, context.now)) return { unchanged: { id: task.id } };
    assertLockHolder(task, context.actor, this.workerId, context.now);
    return { next: withExternalTask(current, { ...task, lock: null }), audit: { action: 'external-task.unlocked', ...externalTaskFacts(task), comment: this.workerId }, result: { id: task.id } };
  }
}
