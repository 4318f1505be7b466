import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord, OpenTask } from '../../records';
import { isCandidate } from '../../tasks';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';
import { assertRunning, heldBy, openTask, withTask } from './case-guards';

export interface ClaimedTask {
  taskId: string;
  assignee: string | null;
}

/** A candidate takes a task into their own inbox; nobody else may then work it. */
export class ClaimTask implements CaseCommand<ClaimedTask> {
  readonly name = 'ClaimTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ClaimedTask> | Unchanged<ClaimedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    const me = context.actor.username;
    if (task.assignee === me) return { unchanged: { taskId: task.id, assignee: me } };
    if (task.assignee !== null) throw new ConflictError(`task "${task.name}" is held by ${task.assignee}`, heldBy(task));
    if (!isCandidate(task, context.actor)) throw new ForbiddenError(`you are not a candidate for task "${task.name}"`, { key: 'task.not-candidate', params: { step: task.name } });
    return reassign(current, { ...task, handledAt: task.handledAt ?? context.now }, me, 'task.claimed');
  }
}

/** The holder of a task puts it back for the other candidates. */
export class UnclaimTask implements CaseCommand<ClaimedTask> {
  readonly name = 'UnclaimTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ClaimedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    if (task.assignee !== context.actor.username) {
      throw new ConflictError(task.assignee ? `task "${task.name}" is held by ${task.assignee}` : `task "${task.name}" is not claimed`, task.assignee ? heldBy(task) : { key: 'task.not-claimed', params: { step: task.name } });
    }
    return reassign(current, task, null, 'task.unclaimed');
  }
}

function reassign(current: CaseRecord, task: OpenTask, assignee: string | null, action: string): CaseChange<ClaimedTask> {
  return {
    next: withTask(current, { ...task, assignee }),
    audit: { action, stepId: task.stepId, stepName: task.name, taskId: task.id },
    result: { taskId: task.id, assignee },
  };
}
