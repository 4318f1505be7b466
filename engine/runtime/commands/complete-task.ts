import { advanceCase } from '../advance-case';
import { caseClock } from '../case-clock';
import { compliancePoints } from '../../supervision';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import type { CaseRecord } from '../../store/records';
import { assertDecision, assertMayWork, assertRunning, openTask } from './case-guards';

export interface CompleteTaskInput {
  decision?: string;
  comment?: string;
  /** Form fields; each becomes a process variable by name. */
  data?: Record<string, unknown>;
}

export interface CompletedTask {
  caseId: string;
  taskId: string;
  caseStatus: CaseRecord['status'];
  /** Tasks the case waits on now. */
  nextTasks: Array<{ id: string; stepId: string; name: string }>;
}

/** A clerk completes a step: the decision and form data become variables and the engine moves on. */
export class CompleteTask implements CaseCommand<CompletedTask> {
  readonly name = 'CompleteTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly input: CompleteTaskInput,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<CompletedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    assertMayWork(task, context.actor);
    assertDecision(task, this.input.decision);
    const definition = await context.definitions.get(current.processKey, current.version);
    const output = { ...this.input.data, ...(this.input.decision === undefined ? {} : { decision: this.input.decision }) };
    const engine = await context.engines.recover(definition, current);
    await engine.signal(task.executionId, output);
    const next = await advanceCase(current, engine, definition, { ...current.variables, ...output }, context);
    const decisive = definition.catalogue.userTasks[task.stepId]?.decisive ?? false;
    const startsClock = !current.clock && definition.catalogue.clock.clockStart === task.stepId;
    const completion = { task, decision: this.input.decision, comment: this.input.comment, by: context.actor.username, at: context.now, variables: next.variables, decisive };
    return {
      next: {
        ...next,
        decided: current.decided || decisive,
        completedSteps: [...current.completedSteps, task.stepId],
        clock: startsClock ? caseClock(definition, context) : next.clock,
        alerts: [...next.alerts, ...compliancePoints(current, completion, definition.catalogue)],
      },
      audit: { action: 'task.completed', stepId: task.stepId, stepName: task.name, taskId: task.id, decision: this.input.decision, comment: this.input.comment },
      completed: { taskId: task.id, by: context.actor.username, decision: this.input.decision ?? null },
      result: {
        caseId: current._id,
        taskId: task.id,
        caseStatus: next.status,
        nextTasks: next.openTasks.map(({ id, stepId, name }) => ({ id, stepId, name })),
      },
    };
  }
}
