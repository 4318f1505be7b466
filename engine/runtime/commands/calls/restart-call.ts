import { callsOf, childCaseId } from '../../../calls/call-effects';
import type { CaseRecord } from '../../../records';
import type { CaseChange, CaseCommand, Unchanged } from '../../command';

/**
 * An administrator's retry of a call whose child ended without doing its work (the incident's
 * retry): the call starts a fresh child case, with the variables it first passed in.
 */
export class RestartCall implements CaseCommand<{ caseId: string; childId: string }> {
  readonly name = 'RestartCall';

  constructor(
    readonly caseId: string,
    readonly executionId: string,
  ) {}

  target(current: CaseRecord): string | null {
    return callsOf(current).find((call) => call.executionId === this.executionId)?.stepId ?? null;
  }

  async apply(current: CaseRecord, context: { now: Date }): Promise<CaseChange<{ caseId: string; childId: string }> | Unchanged<{ caseId: string; childId: string }>> {
    const call = current.status === 'running' ? callsOf(current).find((candidate) => candidate.executionId === this.executionId) : undefined;
    if (!call) return { unchanged: { caseId: current._id, childId: '' } };
    const restarts = (call.restarts ?? 0) + 1;
    const restarted = { ...call, restarts, childId: childCaseId(current._id, `${call.executionId}~${restarts}`), startedAt: context.now };
    return {
      next: { ...current, calls: callsOf(current).map((candidate) => (candidate === call ? restarted : candidate)) },
      audit: { action: 'call.restarted', stepId: call.stepId, stepName: call.name },
      result: { caseId: current._id, childId: restarted.childId },
    };
  }
}
