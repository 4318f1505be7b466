import type { CompiledDefinition } from '../../../definitions';
import { externalTasksOf, withExternalTask } from '../../../external-tasks/case-external-tasks';
import { withFailure } from '../../../incidents';
import type { CaseRecord, ExternalTask, ExternalTaskFailure } from '../../../records';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../../command';
import { assertRunning } from '../case-guards';
import { assertLockHolder, externalTaskFacts, externalTaskFor } from './external-task-guards';

export interface FailureReport {
  message: string;
  details?: string;
  /** Retries left after this failure; 0 opens an incident. */
  retries: number;
  /** Not fetched again before this much time has passed. */
  retryInMs: number;
}

export interface FailedExternalTask {
  id: string;
  retries: number;
  /** Set when the retries ran out: the incident an administrator retries once the other system is put right. */
  incidentId: string | null;
}

/**
 * The worker could not do the task (its system is down, the answer unreadable): the lock ends,
 * the retries left are as the worker says, and the task is fetched again after `retryInMs`.
 * At 0 retries the task waits for an administrator: an incident on the case, whose retry gives
 * the task one more try (RetryExternalTask).
 */
export class FailExternalTask implements CaseCommand<FailedExternalTask> {
  readonly name = 'FailExternalTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly workerId: string,
    readonly report: FailureReport,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<FailedExternalTask>> {
    assertRunning(current);
    const task = externalTaskFor(current, this.taskId, context.actor);
    assertLockHolder(task, context.actor, this.workerId, context.now);
    const failure: ExternalTaskFailure = { message: this.report.message, details: this.report.details ?? null, by: `${context.actor.username}/${this.workerId}`, at: context.now };
    const retried: ExternalTask = { ...task, lock: null, retries: this.report.retries, retryAt: new Date(context.now.getTime() + this.report.retryInMs), failure };
    const { next, incidentId } = this.report.retries > 0 ? { next: withExternalTask(current, retried), incidentId: null } : exhausted(current, task, failure, await context.definitions.get(current.processKey, current.version), context);
    return {
      next,
      audit: { action: 'external-task.failed', ...externalTaskFacts(task), comment: `${this.report.message} (${this.report.retries > 0 ? `${this.report.retries} retries left` : 'no retries left: incident'})` },
      result: { id: task.id, retries: this.report.retries, incidentId },
    };
  }
}

/**
 * The case with the task out of retries: unlocked, not fetched again, and an open incident at
 * its step whose retry runs RetryExternalTask on it.
 */
export function exhausted(current: CaseRecord, task: ExternalTask, failure: ExternalTaskFailure, definition: CompiledDefinition, context: Pick<CommandContext, 'now' | 'actor'>): { next: CaseRecord; incidentId: string } {
  const stopped = withExternalTask(current, { ...task, lock: null, retries: 0, retryAt: null, failure });
  const retry = new RetryExternalTask(current._id, task.id);
  const { next, incident } = withFailure(
    stopped,
    { elementId: task.stepId, elementName: task.name, stepId: task.stepId, processName: definition.name, command: retry.name, input: { caseId: retry.caseId, taskId: retry.taskId }, actor: context.actor.username, error: failure.message },
    context.now,
  );
  return { next, incidentId: incident.id };
}

/**
 * An administrator's retry of an external task whose retries ran out (the incident's retry):
 * one more try, fetchable at once. Nothing to do for a task that is gone or has retries.
 */
export class RetryExternalTask implements CaseCommand<{ id: string; retries: number }> {
  readonly name = 'RetryExternalTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
  ) {}

  target(current: CaseRecord): string | null {
    return externalTasksOf(current).find((task) => task.id === this.taskId)?.stepId ?? null;
  }

  async apply(current: CaseRecord): Promise<CaseChange<{ id: string; retries: number }> | Unchanged<{ id: string; retries: number }>> {
    const task = current.status === 'running' ? externalTasksOf(current).find((candidate) => candidate.id === this.taskId) : undefined;
    if (!task || task.retries !== 0) return { unchanged: { id: this.taskId, retries: task?.retries ?? 0 } };
    return { next: withExternalTask(current, { ...task, retries: 1, retryAt: null }), audit: { action: 'external-task.retried', ...externalTaskFacts(task) }, result: { id: task.id, retries: 1 } };
  }
}
