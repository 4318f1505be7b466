import { pauseClock, resumeClock } from '../../clocks';
import { ConflictError } from '../../errors';
import type { CaseRecord, PauseKind } from '../../records';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertHasClock, assertMayHandle, changeClocks } from './case-clocks';
import { assertRunning } from './case-guards';

export interface ClockAnswer {
  caseId: string;
  paused: boolean;
  pauseKind: PauseKind | null;
}

/**
 * Stops the case's clocks (时限中止) for a special procedure — hearing, inspection, testing,
 * expert review (Licensing Law §45) — or while waiting for the applicant's supplement.
 */
export class PauseClock implements CaseCommand<ClockAnswer> {
  readonly name = 'PauseClock';

  constructor(
    readonly caseId: string,
    readonly kind: PauseKind,
    readonly reason: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ClockAnswer>> {
    assertRunning(current);
    assertHasClock(current);
    assertMayHandle(current, context.actor);
    if (current.pauseKind) throw new ConflictError(`the clocks of case ${current.receiptNo} are already paused (${current.pauseKind})`);
    const clocks = changeClocks(current, (clock) => pauseClock(clock, context.now, this.reason, context.calendar));
    return {
      next: { ...current, ...clocks, pauseKind: this.kind },
      audit: { action: 'clock.paused', comment: `${this.kind}: ${this.reason}` },
      result: { caseId: current._id, paused: true, pauseKind: this.kind },
    };
  }
}

/** Lets the clocks run again; due and warning times move back by the time they stood still. */
export class ResumeClock implements CaseCommand<ClockAnswer> {
  readonly name = 'ResumeClock';

  constructor(
    readonly caseId: string,
    readonly note: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ClockAnswer>> {
    assertRunning(current);
    assertMayHandle(current, context.actor);
    if (!current.pauseKind) throw new ConflictError(`the clocks of case ${current.receiptNo} are not paused`);
    const clocks = changeClocks(current, (clock) => resumeClock(clock, context.now, context.calendar));
    return {
      next: { ...current, ...clocks, pauseKind: null },
      audit: { action: 'clock.resumed', comment: this.note },
      result: { caseId: current._id, paused: false, pauseKind: null },
    };
  }
}
