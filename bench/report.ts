import { approvalSteps } from './approval-steps';
import type { BenchFigures, SizeRow } from './figures';
import type { LoadResult } from './load-runner';
import type { LatencySummary } from './stats';
import { table } from './text-table';

/**
 * Prints the runtime run's figures to stdout for a reader; the same figures go into the closing
 * JSON line (json-line.ts) once every selected run is done.
 */
export function printReport(figures: BenchFigures): void {
  const lines: string[] = [];
  const { machine } = figures;
  lines.push('', `govflow bench: ${figures.process} (${approvalSteps.map((step) => step.stepId).join(' -> ')}), node ${machine.node}, ${machine.cpus} x ${machine.cpuModel}`, '');

  lines.push(...table(
    ['path', 'conc', 'cases', 'elapsed s', 'cases/s', 'compl/s', 'start p50/p99 ms', 'complete p50/p99 ms', 'node cpu*'],
    figures.runs.map(runCells),
  ));
  lines.push('* CPU of this Node process while timed, in % of one core (GC threads can push it past 100%)', '');

  lines.push(...table(
    ['b/a', 'cases/s', 'completions/s'],
    figures.ratios.map((ratio) => [`c=${ratio.concurrency}`, ratio.casesPerSecond.toFixed(3), ratio.completionsPerSecond.toFixed(3)]),
  ));
  lines.push('');

  const { stateBytes } = figures;
  lines.push(...table(
    ['bytes per waiting case (median)', ...approvalSteps.map((step) => `at ${step.stepId}`), 'median', 'max'],
    [
      sizeCells('bpmn-engine getState() JSON', stateBytes.bareGetState),
      sizeCells('  same, without embedded source', stateBytes.bareGetStateWithoutSource),
      sizeCells('govflow stored engineState (newest revision)', stateBytes.govflowEngineState),
      sizeCells('govflow case: all revisions + head, BSON', stateBytes.govflowCaseTotal),
    ],
  ));
  lines.push('');

  lines.push('aims:');
  for (const target of figures.targets) lines.push(`  ${target.met ? 'met ' : 'MISS'}  ${target.aim}: ${target.actual}`);
  const cutShort = figures.runs.filter((run) => run.cutShort);
  if (cutShort.length > 0) lines.push(`note: time budget cut short ${cutShort.map((run) => `${run.path} c=${run.concurrency}`).join(', ')}`);
  lines.push('');

  process.stdout.write(`${lines.join('\n')}\n`);
}

function runCells(run: LoadResult): string[] {
  return [
    run.path,
    String(run.concurrency),
    String(run.cases),
    (run.elapsedMs / 1000).toFixed(2),
    run.casesPerSecond.toFixed(1),
    run.completionsPerSecond.toFixed(1),
    latency(run.startLatencyMs),
    latency(run.completeLatencyMs),
    `${run.nodeCpuPercent}%`,
  ];
}

function latency(summary: LatencySummary): string {
  // bare-engine commands take microseconds: three decimals keep them from reading as 0.00
  return `${summary.p50.toFixed(3)} / ${summary.p99.toFixed(3)}`;
}

function sizeCells(label: string, row: SizeRow): string[] {
  return [label, ...approvalSteps.map((step) => String(row.byStep[step.stepId])), String(row.median), String(row.max)];
}

