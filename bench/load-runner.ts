import { performance } from 'node:perf_hooks';
import { treeCpuMs } from './process-cpu';
import { round, summariseLatency, type LatencySummary } from './stats';

/** The two commands whose latency the issue asks for. */
export type CommandKind = 'start' | 'complete';

/** Wraps one command of a case so the runner can time it; outside warm-up the sample is kept. */
export type TimeCommand = <T>(kind: CommandKind, command: () => Promise<T>) => Promise<T>;

/** One way to run the approval end to end: the bare engine in memory, or govflow with persistence. */
export interface ApprovalPath {
  readonly name: string;
  /** Runs one case from submission to its end, passing every command through `time`. */
  runCase(time: TimeCommand): Promise<void>;
}

/** How hard and how long to drive one path; made by the bench entry for each (path, concurrency). */
export interface LoadPlan {
  concurrency: number;
  /** Cases run first and thrown away: definition caches, connection pools and the JIT warm up. */
  warmupCases: number;
  cases: number;
  /** No new case starts after this long, so a slow machine still ends; the result says so. */
  budgetMs: number;
  /** Servers whose CPU to read while timed (the store, Redis), by name; none when their URIs were configured. */
  servers?: Array<{ name: string; pid: number }>;
}

/** Throughput and latency of one (path, concurrency) run, as the report prints them. */
export interface LoadResult {
  path: string;
  concurrency: number;
  cases: number;
  completions: number;
  elapsedMs: number;
  casesPerSecond: number;
  completionsPerSecond: number;
  startLatencyMs: LatencySummary;
  completeLatencyMs: LatencySummary;
  /** CPU this Node process used while timed, in % of one core: tells a busy engine from a wait on the store. */
  nodeCpuPercent: number;
  /** CPU each of the plan's servers used while timed (with their child processes), in % of one core. */
  serverCpuPercent: Record<string, number>;
  /** The budget ran out before `plan.cases` were done. */
  cutShort: boolean;
}

/**
 * Called by the bench entry once per (path, concurrency): `concurrency` async workers pull
 * cases from one shared count until it or the time budget is used up, each case timed command
 * by command. Progress goes to stderr so stdout stays the report.
 */
export async function runLoad(path: ApprovalPath, plan: LoadPlan): Promise<LoadResult> {
  const label = `${path.name} c=${plan.concurrency}`;
  await drive(path, plan.concurrency, plan.warmupCases, Number.POSITIVE_INFINITY, () => undefined);
  const samples: Record<CommandKind, number[]> = { start: [], complete: [] };
  const cpuBefore = process.cpuUsage();
  const serversBefore = (plan.servers ?? []).map((server) => treeCpuMs(server.pid));
  const startedAt = performance.now();
  const step = Math.max(1, Math.round(plan.cases / 5));
  const cases = await drive(
    path,
    plan.concurrency,
    plan.cases,
    startedAt + plan.budgetMs,
    (kind, ms) => samples[kind].push(ms),
    (done) => done % step === 0 && process.stderr.write(`  ${label}: ${done}/${plan.cases} cases\n`),
  );
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuPercent = Object.fromEntries((plan.servers ?? []).map((server, index) => [server.name, Math.round(((treeCpuMs(server.pid) - serversBefore[index]) * 100) / elapsedMs)]));
  const completions = samples.complete.length;
  return {
    path: path.name,
    concurrency: plan.concurrency,
    cases,
    completions,
    elapsedMs: round(elapsedMs, 1),
    casesPerSecond: round((cases * 1000) / elapsedMs, 1),
    completionsPerSecond: round((completions * 1000) / elapsedMs, 1),
    startLatencyMs: summariseLatency(samples.start),
    completeLatencyMs: summariseLatency(samples.complete),
    nodeCpuPercent: Math.round((cpu.user + cpu.system) / 10 / elapsedMs),
    serverCpuPercent,
    cutShort: cases < plan.cases,
  };
}

/** Runs up to `total` cases on `concurrency` workers; answers how many finished. */
async function drive(
  path: ApprovalPath,
  concurrency: number,
  total: number,
  deadline: number,
  record: (kind: CommandKind, ms: number) => void,
  onCaseDone?: (done: number) => unknown,
): Promise<number> {
  let issued = 0;
  let done = 0;
  let failed = false;
  const time: TimeCommand = async (kind, command) => {
    const began = performance.now();
    const result = await command();
    record(kind, performance.now() - began);
    return result;
  };
  const worker = async (): Promise<void> => {
    // one failure ends every worker at its next case
    while (!failed && issued < total && performance.now() < deadline) {
      issued++;
      try {
        await path.runCase(time);
      } catch (error) {
        failed = true;
        throw error;
      }
      done++;
      onCaseDone?.(done);
    }
  };
  // allSettled, not all: the caller stops the servers on failure, so every worker must be done first
  const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, worker));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return done;
}
