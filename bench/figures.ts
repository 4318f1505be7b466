import { approvalSteps, processKey, type ApprovalStepId } from './approval-steps';
import type { RawStateSample } from './bare-engine';
import type { LoadResult } from './load-runner';
import { machineInfo, type MachineInfo } from './machine';
import { median, round } from './stats';
import type { StoredStateSample } from './stored-state';
import type { VolumeResult } from './volume-run';

/** b/a at one concurrency: govflow's throughput with nothing stored as a share of the bare engine's. */
export interface Ratio {
  concurrency: number;
  casesPerSecond: number;
  completionsPerSecond: number;
}

/** At one concurrency, the largest volume's figures as a share of those with nothing stored. */
export interface ScaleRatio {
  concurrency: number;
  stored: number;
  completionsPerSecond: number;
  completeP99: number;
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

/** Everything one runtime run found; printed as tables and as the closing JSON line. */
export interface BenchFigures {
  process: string;
  machine: MachineInfo;
  /** The bare engine in memory, at each concurrency. */
  bare: LoadResult[];
  /** govflow at each volume of stored cases. */
  volumes: VolumeResult[];
  ratios: Ratio[];
  scale: ScaleRatio[];
  /** The inbox's p99 at the largest volume ÷ at none (both read the same clerk's list). */
  inboxScale: number;
  stateBytes: {
    bareGetState: SizeRow;
    bareGetStateWithoutSource: SizeRow;
    govflowEngineState: SizeRow;
    govflowCaseTotal: SizeRow;
    /** A case that ran to its end: newest revision, stubs of the earlier ones, head; median. */
    govflowEndedCase: number;
  };
  targets: TargetCheck[];
}

/** The aims (issue 9), checked against each run. */
const aims = { completionsAt16: 100, ratioAt16: 0.25, keptAtVolume: 0.8, p99CompleteMs: 50, inboxP99Ms: 50, roundTrips: 6, sequentialRoundTrips: 3, medianStoredBytes: 8 * 1024 };

/** Called by the bench entry once all runs and probes are done. */
export function computeFigures(bare: LoadResult[], volumes: VolumeResult[], raw: RawStateSample[], stored: StoredStateSample[], ended: number[]): BenchFigures {
  const empty = volumes.find((volume) => volume.stored === 0) ?? volumes[0];
  const largest = volumes.reduce((most, volume) => (volume.stored > most.stored ? volume : most), empty);
  const concurrencies = [...new Set(bare.map((run) => run.concurrency))];
  const ratios = concurrencies.map((concurrency) => ratioAt(bare, empty.runs, concurrency));
  const scale = empty.runs.map((run) => scaleAt(run, largest));
  const stateBytes = {
    bareGetState: sizeRow(raw, (sample) => sample.rawBytes),
    bareGetStateWithoutSource: sizeRow(raw, (sample) => sample.withoutSourceBytes),
    govflowEngineState: sizeRow(stored, (sample) => sample.engineStateBytes),
    govflowCaseTotal: sizeRow(stored, (sample) => sample.caseBytes),
    govflowEndedCase: median(ended),
  };
  return {
    process: processKey,
    machine: machineInfo(),
    bare,
    volumes,
    ratios,
    scale,
    inboxScale: round(largest.inbox.p99 / empty.inbox.p99, 3),
    stateBytes,
    targets: targetChecks(empty, largest, ratios, stateBytes.govflowEngineState.median),
  };
}

function targetChecks(empty: VolumeResult, largest: VolumeResult, ratios: Ratio[], storedMedian: number): TargetCheck[] {
  const targets: TargetCheck[] = [];
  const check = (aim: string, actual: number, met: boolean) => targets.push({ aim, actual: round(actual, 3), met });
  const at16 = empty.runs.find((run) => run.concurrency === 16);
  const bigAt16 = largest.runs.find((run) => run.concurrency === 16);
  if (at16) check(`completions/s at c=16, nothing stored >= ${aims.completionsAt16}`, at16.completionsPerSecond, at16.completionsPerSecond >= aims.completionsAt16);
  const ratio = ratios.find((candidate) => candidate.concurrency === 16);
  if (ratio) check(`govflow / bare completions/s at c=16 >= ${aims.ratioAt16}`, ratio.completionsPerSecond, ratio.completionsPerSecond >= aims.ratioAt16);
  if (at16 && bigAt16 && largest !== empty) {
    const kept = bigAt16.completionsPerSecond / at16.completionsPerSecond;
    check(`completions/s at c=16 with ${largest.stored} stored / nothing stored >= ${aims.keptAtVolume}`, kept, kept >= aims.keptAtVolume);
  }
  for (const volume of [empty, largest].filter((candidate, index, all) => all.indexOf(candidate) === index)) {
    const c1 = volume.runs.find((run) => run.concurrency === 1);
    if (c1) check(`c=1 complete p99 <= ${aims.p99CompleteMs} ms, ${volume.stored} stored`, c1.completeLatencyMs.p99, c1.completeLatencyMs.p99 <= aims.p99CompleteMs);
  }
  check(`inbox p99 <= ${aims.inboxP99Ms} ms, ${largest.stored} stored (${largest.inbox.queue} claimable)`, largest.inbox.p99, largest.inbox.p99 <= aims.inboxP99Ms);
  const complete = largest.roundTrips.complete;
  if (complete) {
    check(`store round trips per CompleteTask <= ${aims.roundTrips} (max)`, complete.max, complete.max <= aims.roundTrips);
    check(`of them in sequence <= ${aims.sequentialRoundTrips} (max)`, complete.sequentialMax, complete.sequentialMax <= aims.sequentialRoundTrips);
  }
  check(`median stored engineState <= ${aims.medianStoredBytes} B`, storedMedian, storedMedian <= aims.medianStoredBytes);
  return targets;
}

function ratioAt(bare: LoadResult[], govflow: LoadResult[], concurrency: number): Ratio {
  const a = bare.find((run) => run.concurrency === concurrency);
  const b = govflow.find((run) => run.concurrency === concurrency);
  const share = (pick: (run: LoadResult) => number) => (a && b ? round(pick(b) / pick(a), 4) : Number.NaN);
  return { concurrency, casesPerSecond: share((run) => run.casesPerSecond), completionsPerSecond: share((run) => run.completionsPerSecond) };
}

function scaleAt(empty: LoadResult, largest: VolumeResult): ScaleRatio {
  const big = largest.runs.find((run) => run.concurrency === empty.concurrency);
  return {
    concurrency: empty.concurrency,
    stored: largest.stored,
    completionsPerSecond: big ? round(big.completionsPerSecond / empty.completionsPerSecond, 3) : Number.NaN,
    completeP99: big ? round(big.completeLatencyMs.p99 / empty.completeLatencyMs.p99, 3) : Number.NaN,
  };
}

function sizeRow<Sample extends { stepId: ApprovalStepId }>(samples: Sample[], bytes: (sample: Sample) => number): SizeRow {
  const all = samples.map(bytes);
  const byStep = Object.fromEntries(
    approvalSteps.map(({ stepId }) => [stepId, median(samples.filter((sample) => sample.stepId === stepId).map(bytes))]),
  ) as Record<ApprovalStepId, number>;
  return { byStep, median: median(all), max: all.length === 0 ? Number.NaN : Math.max(...all) };
}
