import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord } from '../../records';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertRunning } from './case-guards';

export interface WithdrawnCase {
  id: string;
  status: CaseRecord['status'];
}

/** A case ended before its end event: nothing of it waits any more — tasks, messages, timers, other systems' work, child cases. */
export function endedState(current: CaseRecord, now: Date): CaseRecord {
  return { ...current, openTasks: [], countersigns: [], awaiting: [], messageSubscriptions: [], timers: [], externalTasks: [], calls: [], lastCompletion: null, endedAt: now };
}

/** The applicant takes an application back before it is decided; its open tasks and waits are cancelled. */
export class WithdrawCase implements CaseCommand<WithdrawnCase> {
  readonly name = 'WithdrawCase';

  constructor(
    readonly caseId: string,
    readonly reason: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<WithdrawnCase>> {
    if (current.applicant !== context.actor.username) throw new ForbiddenError('only the applicant may withdraw a case');
    assertRunning(current);
    if (current.decided) throw new ConflictError(`case ${current.receiptNo} is already decided and can no longer be withdrawn`);
    return {
      next: { ...endedState(current, context.now), status: 'withdrawn' },
      audit: { action: 'case.withdrawn', comment: this.reason },
      result: { id: current._id, status: 'withdrawn' },
    };
  }
}
