import { clockView, extendClock, type ClockView } from '../../clocks';
import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord } from '../../records';
import { hasRole } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertRunning } from './case-guards';

/** Extends the case's decision limit (e.g. +10 working days, Licensing Law §42): the leader's decision, with a reason. */
export class ExtendClock implements CaseCommand<ClockView> {
  readonly name = 'ExtendClock';

  constructor(
    readonly caseId: string,
    readonly extension: string,
    readonly reason: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ClockView>> {
    if (!hasRole(context.actor, 'leader')) throw new ForbiddenError('only a leader may extend a time limit');
    assertRunning(current);
    if (!current.clock) throw new ConflictError(`the clock of case ${current.receiptNo} has not started`);
    const clock = extendClock(current.clock, this.extension, { at: context.now, by: context.actor.username, reason: this.reason }, context.calendar);
    return {
      next: { ...current, clock },
      audit: { action: 'clock.extended', comment: `+${this.extension}: ${this.reason}` },
      result: clockView(clock, context.now),
    };
  }
}
