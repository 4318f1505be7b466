import { approvalSteps } from './approval-steps';
import type { BenchFigures, SizeRow } from './figures';
import type { LoadResult } from './load-runner';
import type { LatencySummary } from './stats';
import { table } from './text-table';
import type { VolumeResult } from './volume-run';

/**
 * Prints the runtime run's figures to stdout for a reader; the same figures go into the closing
 * JSON line (json-line.ts) once every selected run is done.
 */
export function printReport(figures: BenchFigures): void {
  const lines: string[] = [];
  const { machine } = figures;
  lines.push('', `govflow bench: ${figures.process} (${approvalSteps.map((step) => step.stepId).join(' -> ')}), node ${machine.node}, ${machine.cpus} x ${machine.cpuModel}`, '');

  const runs = [...figures.bare.map((run) => ({ stored: '-', run })), ...figures.volumes.flatMap((volume) => volume.runs.map((run) => ({ stored: String(volume.stored), run })))];
  lines.push(...table(
    ['path', 'stored', 'conc', 'cases', 'elapsed s', 'cases/s', 'compl/s', 'start p50/p99 ms', 'complete p50/p99 ms', 'cpu node / store / redis*'],
    runs.map(({ stored, run }) => runCells(stored, run)),
  ));
  lines.push('* CPU while timed, in % of one core (GC threads can push node past 100%); the store is FerretDB + PostgreSQL (or mongod) with its child processes', '');

  lines.push(...table(
    ['stored', 'preload s', 'inbox p50/p99 ms (claimable)', 'queue', 'start: round trips / in sequence', 'complete: round trips / in sequence'],
    figures.volumes.map(volumeCells),
  ));
  lines.push('round trips: median (max) per command, counted at c=1', '');

  lines.push(...table(
    ['ratio', 'cases/s', 'completions/s', 'complete p99'],
    [
      ...figures.ratios.map((ratio) => [`govflow / bare, c=${ratio.concurrency}`, ratio.casesPerSecond.toFixed(3), ratio.completionsPerSecond.toFixed(3), '']),
      ...figures.scale.map((ratio) => [`${ratio.stored} stored / none, c=${ratio.concurrency}`, '', ratio.completionsPerSecond.toFixed(3), ratio.completeP99.toFixed(3)]),
    ],
  ));
  lines.push(`inbox p99, largest volume / none: ${figures.inboxScale.toFixed(3)}`, '');

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
  lines.push(`govflow case that ended (newest revision, stubs of the others, head), BSON, median: ${stateBytes.govflowEndedCase}`, '');

  lines.push('aims:');
  for (const target of figures.targets) lines.push(`  ${target.met ? 'met ' : 'MISS'}  ${target.aim}: ${target.actual}`);
  const cutShort = runs.filter(({ run }) => run.cutShort);
  if (cutShort.length > 0) lines.push(`note: time budget cut short ${cutShort.map(({ stored, run }) => `${run.path} ${stored} stored c=${run.concurrency}`).join(', ')}`);
  lines.push('');

  process.stdout.write(`${lines.join('\n')}\n`);
}

function runCells(stored: string, run: LoadResult): string[] {
  const server = (name: string) => (run.serverCpuPercent[name] === undefined ? '-' : `${run.serverCpuPercent[name]}%`);
  const store = Object.entries(run.serverCpuPercent).filter(([name]) => name !== 'redis').reduce((total, [, percent]) => total + percent, 0);
  const storeCell = Object.keys(run.serverCpuPercent).some((name) => name !== 'redis') ? `${store}%` : '-';
  return [
    run.path,
    stored,
    String(run.concurrency),
    String(run.cases),
    (run.elapsedMs / 1000).toFixed(2),
    run.casesPerSecond.toFixed(1),
    run.completionsPerSecond.toFixed(1),
    latency(run.startLatencyMs),
    latency(run.completeLatencyMs),
    `${run.nodeCpuPercent}% / ${storeCell} / ${server('redis')}`,
  ];
}

function volumeCells(volume: VolumeResult): string[] {
  const trips = (kind: string) => {
    const figures = volume.roundTrips[kind];
    return figures ? `${figures.median} (${figures.max}) / ${figures.sequentialMedian} (${figures.sequentialMax})` : '-';
  };
  return [String(volume.stored), volume.preloadSeconds.toFixed(1), `${volume.inbox.p50.toFixed(2)} / ${volume.inbox.p99.toFixed(2)}`, String(volume.inbox.queue), trips('start'), trips('complete')];
}

function latency(summary: LatencySummary): string {
  // bare-engine commands take microseconds: three decimals keep them from reading as 0.00
  return `${summary.p50.toFixed(3)} / ${summary.p99.toFixed(3)}`;
}

function sizeCells(label: string, row: SizeRow): string[] {
  return [label, ...approvalSteps.map((step) => String(row.byStep[step.stepId])), String(row.median), String(row.max)];
}
