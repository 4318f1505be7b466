import { pauseClock, resumeClock } from '../clocks';
import { supplementMessage, type StepCatalogue } from '../definitions';
import type { CaseRecord, PauseKind } from '../records';
import type { CommandContext } from './command';
import { changeClocks } from './commands/case-clocks';

/** What the case waits on that stops its clocks by law: the applicant's supplement (补正), or a step marked govflow:pausesClock. */
function pauseWanted(record: CaseRecord, catalogue: StepCatalogue): { kind: PauseKind; reason: string } | null {
  if (record.awaiting.some((awaited) => awaited.message === supplementMessage)) return { kind: 'supplement', reason: 'waiting for the applicant\u2019s supplementary materials' };
  const step = record.openTasks.find((task) => catalogue.userTasks[task.stepId]?.pausesClock);
  return step ? { kind: 'special-procedure', reason: step.name } : null;
}

/**
 * Pauses the clocks when the case starts waiting on something that stops them, and resumes
 * them when that wait ends; a pause someone started by hand is left to be resumed by hand.
 */
export function applyAutomaticPauses(current: CaseRecord, next: CaseRecord, catalogue: StepCatalogue, { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>): CaseRecord {
  const wanted = pauseWanted(next, catalogue);
  if (wanted && next.pauseKind === null) {
    return { ...next, ...changeClocks(next, (clock) => pauseClock(clock, now, wanted.reason, calendar)), pauseKind: wanted.kind };
  }
  const before = pauseWanted(current, catalogue);
  if (!wanted && before && next.pauseKind === before.kind) {
    return { ...next, ...changeClocks(next, (clock) => resumeClock(clock, now, calendar)), pauseKind: null };
  }
  return next;
}
