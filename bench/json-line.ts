import type { DeadlineFigures } from './deadline-figures';
import type { BenchFigures } from './figures';
import { machineInfo } from './machine';

/**
 * Prints the figures of every run that ran as one JSON line, last on stdout, so a closing note
 * can quote them from one run (`npm run bench | tail -n 1`): the runtime run's fields at the top
 * level as they always were, the deadline run's under `deadlines`.
 */
export function printJsonLine(runtime: BenchFigures | undefined, deadlines: DeadlineFigures | undefined): void {
  const line = { ...(runtime ?? { machine: machineInfo() }), ...(deadlines ? { deadlines } : {}) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
