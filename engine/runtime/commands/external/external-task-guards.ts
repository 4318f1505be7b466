import { ConflictError, NotFoundError } from '../../../errors';
import { externalTasksOf, lockHeld } from '../../../external-tasks/case-external-tasks';
import type { CaseRecord, ExternalTask } from '../../../records';
import { mayServeTopic, type Actor } from '../../../users/actor';

/** A command names an external task its case does not wait on (any more); the service tells 404 from 409. */
export class ExternalTaskNotOpenError extends ConflictError {
  override name = 'ExternalTaskNotOpenError';
  constructor(readonly taskId: string) {
    super(`external task ${taskId} is no longer open`);
  }
}

/** The case's open external task with this id, if the client serves its topic; another topic's task is not there for it (404). */
export function externalTaskFor(record: CaseRecord, taskId: string, actor: Actor): ExternalTask {
  const task = record.status === 'running' ? externalTasksOf(record).find((candidate) => candidate.id === taskId) : undefined;
  if (!task) throw new ExternalTaskNotOpenError(taskId);
  if (!mayServeTopic(actor, task.topic)) throw new NotFoundError('external task', taskId);
  return task;
}

/**
 * Only the worker holding a live lock completes, fails or changes a task: a worker whose lock
 * expired may find the task done by another, so it is refused (409) even when nobody took it.
 */
export function assertLockHolder(task: ExternalTask, actor: Actor, workerId: string, now: Date): void {
  const lock = task.lock;
  if (!lock || lock.client !== actor.username || lock.workerId !== workerId) {
    const held = lock && lockHeld(task, now) ? `it is locked by another worker until ${lock.until.toISOString()}` : 'fetch and lock it first';
    throw new ConflictError(`external task "${task.name}" is not locked by worker ${workerId}: ${held}`);
  }
  if (!lockHeld(task, now)) throw new ConflictError(`the lock of worker ${workerId} on external task "${task.name}" expired at ${lock.until.toISOString()}; fetch and lock it again`);
}

/** Where the audit and incidents name an external task: its step, and the task itself. */
export function externalTaskFacts(task: ExternalTask): { stepId: string; stepName: string; taskId: string } {
  return { stepId: task.stepId, stepName: task.name, taskId: task.id };
}
