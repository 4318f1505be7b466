import type { DeadlineFigures } from './deadline-figures';
import type { BenchFigures } from './figures';
import { machineInfo } from './machine';
import type { WebFigures } from './web-report';

/**
 * Prints the figures of every run that ran as one JSON line, last on stdout, so a closing note
 * can quote them from one run (`npm run bench | tail -n 1`): the runtime run's fields at the top
 * level as they always were, the deadline run's under `deadlines`, the web run's under `web`.
 */
export function printJsonLine(runtime: BenchFigures | undefined, deadlines: DeadlineFigures | undefined, web: WebFigures | undefined): void {
  const line = { ...(runtime ?? { machine: machineInfo() }), ...(deadlines ? { deadlines } : {}), ...(web ? { web } : {}) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
