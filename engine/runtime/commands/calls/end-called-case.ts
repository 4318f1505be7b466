import type { CaseRecord } from '../../../records';
import type { CaseChange, CaseCommand, Unchanged } from '../../command';
import { endedState } from '../withdraw-case';

/** The case a parent called ends with its parent (withdrawn, terminated, or its call interrupted): terminated, with whatever it waited on. */
export class EndCalledCase implements CaseCommand<{ id: string; status: CaseRecord['status'] }> {
  readonly name = 'EndCalledCase';

  constructor(
    readonly caseId: string,
    readonly parentReceiptNo: string,
  ) {}

  async apply(current: CaseRecord, context: { now: Date }): Promise<CaseChange<{ id: string; status: CaseRecord['status'] }> | Unchanged<{ id: string; status: CaseRecord['status'] }>> {
    if (current.status !== 'running') return { unchanged: { id: current._id, status: current.status } };
    return {
      next: { ...endedState(current, context.now), status: 'terminated' },
      audit: { action: 'case.terminated', comment: `the calling case ${this.parentReceiptNo} no longer waits for it` },
      result: { id: current._id, status: 'terminated' },
    };
  }
}
