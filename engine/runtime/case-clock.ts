import { startClock, type Clock } from '../clocks';
import type { CompiledDefinition } from '../definitions';
import type { CommandContext } from './command';

/**
 * Starts the case clock on the promised limit, else the statutory one; null when the process
 * sets neither. Called when the case starts, or when its clock-start step (acceptance) completes.
 */
export function caseClock(definition: CompiledDefinition, { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>): Clock | null {
  const { promisedLimit, statutoryLimit, warnBefore } = definition.catalogue.clock;
  const limit = promisedLimit ?? statutoryLimit;
  return limit ? startClock(limit, warnBefore, now, calendar) : null;
}
