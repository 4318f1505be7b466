import type { CompiledDefinition } from '../../../definitions';
import { catchesError } from '../../../definitions/external-task-spec';
import { outputVariables } from '../../../external-tasks/task-variables';
import type { CaseRecord, ExternalTask } from '../../../records';
import { advanceCase } from '../../advance-case';
import type { CaseChange, CaseCommand, CommandContext } from '../../command';
import { assertRunning } from '../case-guards';
import { assertLockHolder, externalTaskFacts, externalTaskFor } from './external-task-guards';
import { exhausted } from './fail-external-task';

export interface CompletedExternalTask {
  caseId: string;
  id: string;
  caseStatus: CaseRecord['status'];
  /** Set when a BPMN error nobody in the model catches made the task an incident instead. */
  incidentId?: string;
  /** User tasks the case waits on now. */
  nextTasks: Array<{ id: string; stepId: string; name: string }>;
}

/** The worker holding the lock is done: its variables (through the model's output mapping) join the case, which moves on. */
export class CompleteExternalTask implements CaseCommand<CompletedExternalTask> {
  readonly name = 'CompleteExternalTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly workerId: string,
    readonly variables: Record<string, unknown>,
  ) {}

  target(current: CaseRecord): string | null {
    return current.externalTasks?.find((task) => task.id === this.taskId)?.stepId ?? null;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<CompletedExternalTask>> {
    const { task, definition } = await lockedTask(current, this, context);
    const output = outputVariables(definition.catalogue.externalTasks[task.stepId], this.variables, current.variables);
    const engine = await context.engines.recover(definition, current);
    await engine.signal(task.executionId, output);
    const next = await advanceCase(current, engine, definition, { ...current.variables, ...output }, context);
    return {
      next: { ...next, completedSteps: [...current.completedSteps, task.stepId] },
      audit: { action: 'external-task.completed', ...externalTaskFacts(task), comment: this.workerId },
      completed: { taskId: task.id, by: `${context.actor.username}/${this.workerId}`, decision: null },
      result: answer(next, task),
    };
  }
}

export interface BpmnErrorReport {
  code: string;
  message?: string;
  variables?: Record<string, unknown>;
}

/**
 * The worker reports a business outcome the model handles as a BPMN error (credit record
 * refused, registry has no such company): an error boundary event for the code takes the case
 * on. A code the model does not catch would fail the engine, so the task stops as an incident
 * for an administrator instead, decided before the engine is touched.
 */
export class ReportBpmnError implements CaseCommand<CompletedExternalTask> {
  readonly name = 'ReportBpmnError';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly workerId: string,
    readonly report: BpmnErrorReport,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<CompletedExternalTask>> {
    const { task, definition } = await lockedTask(current, this, context);
    const { code, message = code, variables = {} } = this.report;
    const audit = { action: 'external-task.bpmn-error', ...externalTaskFacts(task), comment: `${code}: ${message}` };
    if (!catchesError(definition.catalogue.externalTasks[task.stepId], code)) {
      const failure = { message: `the BPMN error ${code} (${message}) is caught nowhere in the process`, details: null, by: `${context.actor.username}/${this.workerId}`, at: context.now };
      const { next, incidentId } = exhausted(current, task, failure, definition, context);
      return { next, audit, result: { ...answer(next, task), incidentId } };
    }
    const engine = await context.engines.recover(definition, current);
    await engine.throwError(task.executionId, code, message, variables);
    const next = await advanceCase(current, engine, definition, { ...current.variables, ...variables }, context);
    return { next, audit, completed: { taskId: task.id, by: `${context.actor.username}/${this.workerId}`, decision: null }, result: answer(next, task) };
  }
}

/** The task the command's worker holds a live lock on, and the case's process version. */
async function lockedTask(current: CaseRecord, command: { taskId: string; workerId: string }, context: CommandContext): Promise<{ task: ExternalTask; definition: CompiledDefinition }> {
  assertRunning(current);
  const task = externalTaskFor(current, command.taskId, context.actor);
  assertLockHolder(task, context.actor, command.workerId, context.now);
  return { task, definition: await context.definitions.get(current.processKey, current.version) };
}

function answer(next: CaseRecord, task: ExternalTask): CompletedExternalTask {
  return { caseId: next._id, id: task.id, caseStatus: next.status, nextTasks: next.openTasks.map(({ id, stepId, name }) => ({ id, stepId, name })) };
}
