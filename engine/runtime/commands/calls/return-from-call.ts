import { withFailure } from '../../../incidents';
import type { CallJob, CaseRecord } from '../../../records';
import { advanceCase } from '../../advance-case';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../../command';
import { mapVariables, withoutInternal } from '../../variable-mappings';
import { callsOf } from '../../../calls/call-effects';
import { RestartCall } from './restart-call';

export interface ReturnedCall {
  caseId: string;
  childId: string;
  status: CaseRecord['status'];
}

/**
 * A child case ended: the parent's call activity takes the child's variables (through the
 * model's out mapping) and the parent goes on. A child that was withdrawn or terminated did not
 * do its work, so the parent's call becomes an incident for an administrator instead.
 */
export class ReturnFromCall implements CaseCommand<ReturnedCall> {
  readonly name = 'ReturnFromCall';
  readonly caseId: string;

  constructor(readonly job: CallJob) {
    this.caseId = job.parentId;
  }

  target(): string | null {
    return this.job.stepId;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ReturnedCall> | Unchanged<ReturnedCall>> {
    const call = current.status === 'running' ? callsOf(current).find((candidate) => candidate.childId === this.job.childId) : undefined;
    const ended = this.job.ended;
    // the parent moved on without the child (withdrawn, interrupted): nothing to return to
    if (!call || !ended) return { unchanged: { caseId: current._id, childId: this.job.childId, status: current.status } };
    const definition = await context.definitions.get(current.processKey, current.version);
    const facts = { stepId: call.stepId, stepName: call.name, comment: `${ended.receiptNo} ${ended.status}` };
    if (ended.status !== 'completed') {
      // a retry of the incident starts a fresh child (RestartCall)
      const restart = new RestartCall(current._id, call.executionId);
      const failure = { elementId: call.stepId, elementName: call.name, stepId: call.stepId, processName: definition.name, command: restart.name, input: { caseId: restart.caseId, executionId: restart.executionId }, actor: context.actor.username, error: `the called case ${ended.receiptNo} ended ${ended.status} without doing "${call.name}"` };
      return { next: withFailure(current, failure, context.now).next, audit: { action: 'call.failed', ...facts }, result: { caseId: current._id, childId: call.childId, status: current.status } };
    }
    const spec = definition.catalogue.callActivities[call.stepId];
    const output = spec.outputs === null ? withoutInternal(ended.variables) : mapVariables(spec.id, spec.name, spec.outputs, ended.variables);
    const engine = await context.engines.recover(definition, current);
    await engine.signal(call.executionId, output);
    const next = await advanceCase(current, engine, definition, { ...current.variables, ...output }, context);
    return {
      next: { ...next, completedSteps: [...current.completedSteps, call.stepId] },
      audit: { action: 'call.returned', ...facts },
      completed: { taskId: call.childId, by: 'system', decision: null },
      result: { caseId: current._id, childId: call.childId, status: next.status },
    };
  }
}
