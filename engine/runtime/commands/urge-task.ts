import { ConflictError } from '../../errors';
import type { CaseRecord, OpenTask } from '../../records';
import { departmentsOf } from '../../tasks';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertRunning, openTask, withTask } from './case-guards';

const urgeIntervalMs = 3600_000;

export interface UrgedTask {
  taskId: string;
  urgedAt: Date;
}

/** 催办: remind whoever holds a task (else its department) to get on with it; once an hour per task. */
export class UrgeTask implements CaseCommand<UrgedTask> {
  readonly name = 'UrgeTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly message: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<UrgedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    const last = task.urgedAt ? new Date(task.urgedAt).getTime() : null;
    if (last !== null && context.now.getTime() - last < urgeIntervalMs) {
      throw new ConflictError(`task "${task.name}" was urged at ${new Date(last).toISOString()}; urge again after an hour`);
    }
    const urged: OpenTask = { ...task, urgedAt: context.now };
    const audience = task.assignee ? { users: [task.assignee] } : { department: departmentsOf(task)[0] };
    return {
      next: withTask(current, urged),
      audit: { action: 'task.urged', stepId: task.stepId, stepName: task.name, taskId: task.id, comment: this.message },
      notifications: [{ audience, kind: 'task.urged', message: `催办 ${current.receiptNo} ${task.name}${this.message ? `：${this.message}` : ''}`, by: context.actor.username }],
      result: { taskId: task.id, urgedAt: context.now },
    };
  }
}
