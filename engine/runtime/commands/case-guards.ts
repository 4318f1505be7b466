import { ConflictError, ForbiddenError, InvalidInputError, type Reason } from '../../errors';
import type { CaseRecord, OpenTask } from '../../records';
import { isCandidate } from '../../tasks';
import type { Actor } from '../../users/actor';

/** A command names a task its case does not wait on (any more); the facade tells 404 from 409. */
export class TaskNotOpenError extends ConflictError {
  override name = 'TaskNotOpenError';
  constructor(readonly taskId: string) {
    super(`task ${taskId} is no longer open`, { key: 'task.not-open' });
  }
}

/** The case with one of its open tasks replaced by a changed copy; for commands that change a task in place. */
export function withTask(current: CaseRecord, changed: OpenTask): CaseRecord {
  return { ...current, openTasks: current.openTasks.map((task) => (task.id === changed.id ? changed : task)) };
}

/** Why a task someone else holds is refused: its step, and who holds it. */
export function heldBy(task: OpenTask): Reason {
  return { key: 'task.held', params: { step: task.name, holder: task.assignee ?? '' } };
}

/** Refuses commands on a case that has ended. */
export function assertRunning(record: CaseRecord): void {
  if (record.status !== 'running') throw new ConflictError(`case ${record.receiptNo} is ${record.status}`, { key: 'case.ended', params: { receiptNo: record.receiptNo, status: record.status } });
}

/** The open task with this id; a task that existed but closed is a conflict, not a 404. */
export function openTask(record: CaseRecord, taskId: string): OpenTask {
  const task = record.openTasks.find((candidate) => candidate.id === taskId);
  if (!task) throw new TaskNotOpenError(taskId);
  return task;
}

/** The actor may work the task: they hold it, or nobody does and they are a candidate (then completing claims it). */
export function assertMayWork(task: OpenTask, actor: Actor): void {
  if (task.delegatedBy) throw new ConflictError(`task "${task.name}" is delegated: ${task.assignee} resolves it, then ${task.delegatedBy} completes it`, { key: 'task.delegated', params: { step: task.name } });
  if (task.assignee === actor.username) return;
  if (task.assignee !== null) throw new ConflictError(`task "${task.name}" is held by ${task.assignee}`, heldBy(task));
  if (!isCandidate(task, actor)) throw new ForbiddenError(`you are not a candidate for task "${task.name}"`, { key: 'task.not-candidate', params: { step: task.name } });
}

/** When the step offers decisions, one of them is required. */
export function assertDecision(task: OpenTask, decision: string | undefined): void {
  if (task.decisions.length === 0) return;
  if (decision === undefined || !task.decisions.includes(decision)) {
    throw new InvalidInputError(
      `task "${task.name}" needs a decision`,
      [{ path: '/decision', message: `must be one of ${task.decisions.map((item) => JSON.stringify(item)).join(', ')}` }],
      422,
    );
  }
}
