import { approvalSteps, processKey, type ApprovalStepId } from './approval-steps';
import type { RawStateSample } from './bare-engine';
import type { LoadResult } from './load-runner';
import { machineInfo, type MachineInfo } from './machine';
import { median, round } from './stats';
import type { StoredStateSample } from './stored-state';

/** b/a at one concurrency: govflow's throughput as a share of the bare engine's. */
export interface Ratio {
  concurrency: number;
  casesPerSecond: number;
  completionsPerSecond: number;
}

/** Bytes per waiting case of one kind of state: median at each step, median and max over all. */
export interface SizeRow {
  byStep: Record<ApprovalStepId, number>;
  median: number;
  max: number;
}

/** One of the aims, checked against this run. */
export interface TargetCheck {
  aim: string;
  actual: number;
  met: boolean;
}

/** Everything one bench run found; printed as a table and as the closing JSON line. */
export interface BenchFigures {
  process: string;
  machine: MachineInfo;
  runs: LoadResult[];
  ratios: Ratio[];
  stateBytes: {
    bareGetState: SizeRow;
    bareGetStateWithoutSource: SizeRow;
    govflowEngineState: SizeRow;
    govflowCaseTotal: SizeRow;
  };
  targets: TargetCheck[];
}

/** The aims: b/a at 16 workers, p99 completion latency, median stored state. */
const aims = { ratioAt16: 0.5, p99CompleteMs: 50, medianStoredBytes: 8 * 1024 };

/** Called by the bench entry once all runs and probes are done. */
export function computeFigures(runs: LoadResult[], raw: RawStateSample[], stored: StoredStateSample[]): BenchFigures {
  const concurrencies = [...new Set(runs.map((run) => run.concurrency))];
  const ratios = concurrencies.map((concurrency) => ratioAt(runs, concurrency));
  const stateBytes = {
    bareGetState: sizeRow(raw, (sample) => sample.rawBytes),
    bareGetStateWithoutSource: sizeRow(raw, (sample) => sample.withoutSourceBytes),
    govflowEngineState: sizeRow(stored, (sample) => sample.engineStateBytes),
    govflowCaseTotal: sizeRow(stored, (sample) => sample.caseBytes),
  };
  const targets: TargetCheck[] = [];
  const at16 = ratios.find((ratio) => ratio.concurrency === 16);
  if (at16) targets.push({ aim: `b/a cases/s at c=16 >= ${aims.ratioAt16}`, actual: at16.casesPerSecond, met: at16.casesPerSecond >= aims.ratioAt16 });
  for (const run of runs.filter((candidate) => candidate.path === 'govflow')) {
    const p99 = run.completeLatencyMs.p99;
    targets.push({ aim: `govflow c=${run.concurrency} p99 complete <= ${aims.p99CompleteMs} ms`, actual: round(p99), met: p99 <= aims.p99CompleteMs });
  }
  const storedMedian = stateBytes.govflowEngineState.median;
  targets.push({ aim: `median stored engineState <= ${aims.medianStoredBytes} B`, actual: storedMedian, met: storedMedian <= aims.medianStoredBytes });
  return {
    process: processKey,
    machine: machineInfo(),
    runs,
    ratios,
    stateBytes,
    targets,
  };
}

function ratioAt(runs: LoadResult[], concurrency: number): Ratio {
  const find = (path: string) => runs.find((run) => run.path === path && run.concurrency === concurrency);
  const bare = find('bare');
  const govflow = find('govflow');
  const share = (pick: (run: LoadResult) => number) => (bare && govflow ? round(pick(govflow) / pick(bare), 4) : Number.NaN);
  return { concurrency, casesPerSecond: share((run) => run.casesPerSecond), completionsPerSecond: share((run) => run.completionsPerSecond) };
}

function sizeRow<Sample extends { stepId: ApprovalStepId }>(samples: Sample[], bytes: (sample: Sample) => number): SizeRow {
  const all = samples.map(bytes);
  const byStep = Object.fromEntries(
    approvalSteps.map(({ stepId }) => [stepId, median(samples.filter((sample) => sample.stepId === stepId).map(bytes))]),
  ) as Record<ApprovalStepId, number>;
  return { byStep, median: median(all), max: all.length === 0 ? Number.NaN : Math.max(...all) };
}
