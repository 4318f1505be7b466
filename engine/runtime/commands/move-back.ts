import type { CompiledDefinition } from '../../definitions';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors';
import type { CaseRecord, OpenTask } from '../../records';
import { advanceCase } from '../advance-case';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertMayWork, assertRunning, openTask } from './case-guards';

export interface MovedBack {
  caseId: string;
  /** The step the case is back at, and the task opened for it. */
  stepId: string;
  taskId: string;
  assignee: string | null;
}

/**
 * 退回: the handler of a current step sends the case back, with a reason, to the previous step
 * or an earlier one it passed through; everything open now is cancelled, the step opens again
 * for whoever completed it last, and the case goes on from there under the same version.
 */
export class ReturnTask implements CaseCommand<MovedBack> {
  readonly name = 'ReturnTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly reason: string,
    /** The step to return to; the previous one when absent. */
    readonly to: string | undefined,
  ) {}

  target(current: CaseRecord): string | null {
    return current.openTasks.find((task) => task.id === this.taskId)?.stepId ?? null;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<MovedBack>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    assertMayWork(task, context.actor);
    const definition = await context.definitions.get(current.processKey, current.version);
    const target = this.#target(current, task, definition);
    const handler = [...current.opinions].reverse().find((opinion) => opinion.stepId === target)?.by ?? null;
    const next = await moveBack(current, target, handler, definition, context);
    const opened = next.openTasks.find((open) => open.stepId === target) as OpenTask;
    return {
      next,
      audit: { action: 'task.returned', stepId: task.stepId, stepName: task.name, taskId: task.id, comment: `→ ${opened.name}: ${this.reason}` },
      notifications: handler ? [{ audience: { users: [handler] }, kind: 'task.returned', message: `${current.receiptNo} 被退回至「${opened.name}」：${this.reason}`, by: context.actor.username }] : [],
      result: { caseId: current._id, stepId: target, taskId: opened.id, assignee: opened.assignee },
    };
  }

  /** The chosen step, which the case must have passed, at the process's top level; else the step completed last. */
  #target(current: CaseRecord, task: OpenTask, definition: CompiledDefinition): string {
    const returnable = current.completedSteps.filter((step) => definition.catalogue.userTasks[step]?.topLevel && step !== task.stepId);
    if (this.to === undefined) {
      const previous = returnable.at(-1);
      if (!previous) throw new ConflictError(`case ${current.receiptNo} has no earlier step to return to`);
      return previous;
    }
    if (!returnable.includes(this.to)) {
      const passed = [...new Set(returnable)].join(', ') || 'none';
      throw new InvalidInputError(`case ${current.receiptNo} cannot be returned to "${this.to}"`, [{ path: '/to', message: `must be a step the case passed through: ${passed}` }], 422);
    }
    return this.to;
  }
}

/**
 * 撤回: whoever completed the last step takes it back while the steps it opened are untouched —
 * nobody claimed, transferred, delegated or completed them. They are cancelled and the step
 * opens again for its handler.
 */
export class WithdrawStep implements CaseCommand<MovedBack> {
  readonly name = 'WithdrawStep';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly reason: string | undefined,
  ) {}

  target(current: CaseRecord): string | null {
    return current.lastCompletion?.taskId === this.taskId ? current.lastCompletion.stepId : null;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<MovedBack>> {
    assertRunning(current);
    const last = current.lastCompletion;
    if (!last || last.taskId !== this.taskId) throw new ConflictError(`task ${this.taskId} is not the last completed step of case ${current.receiptNo}; only that one can be withdrawn`);
    if (last.by !== context.actor.username) throw new ForbiddenError(`only ${last.by}, who completed "${last.name}", may withdraw it`);
    const untouched = last.nextTaskIds.every((id) => current.openTasks.some((task) => task.id === id && task.handledAt === null));
    if (!untouched) throw new ConflictError(`the step after "${last.name}" has been acted on; ask its handler to return the case instead`);
    const definition = await context.definitions.get(current.processKey, current.version);
    if (!definition.catalogue.userTasks[last.stepId]?.topLevel) throw new ConflictError(`"${last.name}" lies inside a sub-process and cannot be withdrawn`);
    const next = await moveBack(current, last.stepId, last.by, definition, context);
    const opened = next.openTasks.find((open) => open.stepId === last.stepId) as OpenTask;
    return {
      next,
      audit: { action: 'task.withdrawn', stepId: last.stepId, stepName: last.name, taskId: last.taskId, comment: this.reason },
      result: { caseId: current._id, stepId: last.stepId, taskId: opened.id, assignee: opened.assignee },
    };
  }
}

/** Moves the engine back to `stepId`, assigns its new task, and forgets the steps after it. */
async function moveBack(current: CaseRecord, stepId: string, assignee: string | null, definition: CompiledDefinition, context: CommandContext): Promise<CaseRecord> {
  const engine = await context.engines.recover(definition, current);
  await engine.moveTo(stepId);
  const moved = await advanceCase(current, engine, definition, current.variables, context);
  const completedSteps = current.completedSteps.slice(0, current.completedSteps.lastIndexOf(stepId));
  const reopened = moved.openTasks.filter((task) => task.stepId === stepId && !current.openTasks.some((before) => before.id === task.id));
  if (reopened.length === 0) throw new ConflictError(`the case did not reach "${definition.catalogue.names[stepId] ?? stepId}" again`);
  return {
    ...moved,
    openTasks: moved.openTasks.map((task) => (reopened.includes(task) && assignee && !task.countersign ? { ...task, assignee } : task)),
    completedSteps,
    decided: completedSteps.some((step) => definition.catalogue.userTasks[step]?.decisive),
    lastCompletion: null,
  };
}
