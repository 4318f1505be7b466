import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord, OpenTask } from '../../records';
import { leads, type Actor } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertRunning, heldBy, openTask, withTask } from './case-guards';

export interface ReassignedTask {
  taskId: string;
  assignee: string | null;
  delegatedBy: string | null;
}

/** The holder of a task, or a leader of its department, hands it on; checks common to transfer and delegate. */
function assertMayHandOn(task: OpenTask, actor: Actor): void {
  if (task.delegatedBy) throw new ConflictError(`task "${task.name}" is delegated to ${task.assignee}; it must come back first`, { key: 'task.delegated', params: { step: task.name } });
  if (task.assignee === actor.username) return;
  if (task.candidateGroups.some((group) => leads(actor, group.split('@')[1]))) return;
  throw new ForbiddenError(`only the holder of task "${task.name}" or a leader of its department may hand it on`, { key: 'task.not-holder', params: { step: task.name } });
}

/** 转办: the task moves to another person, who owns it from now on. */
export class TransferTask implements CaseCommand<ReassignedTask> {
  readonly name = 'TransferTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly to: string,
    readonly reason: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ReassignedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    assertMayHandOn(task, context.actor);
    if (task.assignee === this.to) throw new ConflictError(`task "${task.name}" is held by ${this.to} already`, heldBy(task));
    const moved: OpenTask = { ...task, assignee: this.to, handledAt: task.handledAt ?? context.now };
    return {
      next: withTask(current, moved),
      audit: { action: 'task.transferred', stepId: task.stepId, stepName: task.name, taskId: task.id, comment: `→ ${this.to}: ${this.reason}` },
      notifications: [{ audience: { users: [this.to] }, kind: 'task.transferred', message: `转办给您：${current.receiptNo} ${task.name}`, by: context.actor.username }],
      result: { taskId: task.id, assignee: this.to, delegatedBy: null },
    };
  }
}

/** 委派: another person does the work; the task then comes back to its owner, who confirms it. */
export class DelegateTask implements CaseCommand<ReassignedTask> {
  readonly name = 'DelegateTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly to: string,
    readonly note: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ReassignedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    if (task.assignee !== context.actor.username) throw new ConflictError(`claim task "${task.name}" before delegating it`, { key: 'task.claim-first', params: { step: task.name } });
    assertMayHandOn(task, context.actor);
    if (this.to === context.actor.username) throw new ConflictError('a task cannot be delegated to its own owner', { key: 'task.delegate-to-self' });
    const delegated: OpenTask = { ...task, assignee: this.to, delegatedBy: context.actor.username, handledAt: task.handledAt ?? context.now };
    return {
      next: withTask(current, delegated),
      audit: { action: 'task.delegated', stepId: task.stepId, stepName: task.name, taskId: task.id, comment: `→ ${this.to}${this.note ? `: ${this.note}` : ''}` },
      notifications: [{ audience: { users: [this.to] }, kind: 'task.delegated', message: `委派给您：${current.receiptNo} ${task.name}`, by: context.actor.username }],
      result: { taskId: task.id, assignee: this.to, delegatedBy: context.actor.username },
    };
  }
}

/** The delegate has done the work: the task goes back to its owner to confirm and complete. */
export class ResolveTask implements CaseCommand<ReassignedTask> {
  readonly name = 'ResolveTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly comment: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ReassignedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    if (!task.delegatedBy) throw new ConflictError(`task "${task.name}" is not delegated`, { key: 'task.not-delegated', params: { step: task.name } });
    if (task.assignee !== context.actor.username) throw new ForbiddenError(`only ${task.assignee}, the delegate, resolves task "${task.name}"`, { key: 'task.not-delegate', params: { step: task.name } });
    const back: OpenTask = { ...task, assignee: task.delegatedBy, delegatedBy: null };
    return {
      next: withTask(current, back),
      audit: { action: 'task.resolved', stepId: task.stepId, stepName: task.name, taskId: task.id, comment: this.comment },
      notifications: [{ audience: { users: [task.delegatedBy] }, kind: 'task.resolved', message: `已办理委派：${current.receiptNo} ${task.name}`, by: context.actor.username }],
      result: { taskId: task.id, assignee: task.delegatedBy, delegatedBy: null },
    };
  }
}
