import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServices, type LocalServices } from '../scripts/services';
import { BareEnginePath, type RawStateSample } from './bare-engine';
import type { DeadlineFigures, WorkerMode } from './deadline-figures';
import { printDeadlineReport } from './deadline-report';
import { runDeadlines, type DeadlinePlan } from './deadline-run';
import { computeFigures, type BenchFigures } from './figures';
import { GovflowPath } from './govflow-path';
import { openGovflowSession, type GovflowSession } from './govflow-session';
import { printJsonLine } from './json-line';
import { runLoad, type LoadPlan, type LoadResult } from './load-runner';
import { progress } from './progress';
import { printReport } from './report';
import { storedStateSizes, type StoredStateSample } from './stored-state';
import { pageBundles } from './web-bundles';
import { modelerTimeToInteractive } from './web-interactive';
import { printWebReport, type WebFigures } from './web-report';

/**
 * `npm run bench`: two runs on servers of its own (or MONGODB_URI/REDIS_URL, in databases and
 * prefixes it drops afterwards).
 * - runtime: the 3-step approval (a) on bare bpmn-engine in memory and (b) through govflow with
 *   persistence, at concurrency 1 and 16; two to three minutes on a 2-core machine with FerretDB.
 * - deadlines: 100 000 deadlines due within one minute, fired by BullMQ workers; about 1.5 minutes.
 * - web: each page's production bundle size and the modeler's time to interactive in headless
 *   Chromium; about 20 seconds.
 * `node dist/bench/run.js runtime|deadlines|web` runs one; no argument runs all three in that
 * order (about 4 minutes in all).
 * BENCH_SCALE (default 1) multiplies every case and deadline count, e.g. 0.1 for a smoke run;
 * BENCH_DEADLINES and BENCH_WORKERS set the deadline run's count and workers outright, and
 * BENCH_WORKER_MODE=processes runs each worker in a child process instead of this one. Every
 * timed loop also stops once its time budget is spent.
 */
const scale = benchScale(process.env.BENCH_SCALE);

type RunName = 'runtime' | 'deadlines' | 'web';
const runNames: readonly RunName[] = ['runtime', 'deadlines', 'web'];

/**
 * Case counts sized to this 2-core machine: the bare engine runs ~50 cases/s, govflow on FerretDB
 * 2–4 (its stores slow down as collections grow), so govflow gets far fewer cases; the budgets
 * keep the runtime run within three minutes wherever it runs.
 */
const plans: Record<'bare' | 'govflow', LoadPlan[]> = {
  bare: [
    { concurrency: 1, warmupCases: cases(50), cases: cases(400), budgetMs: 15_000 },
    { concurrency: 16, warmupCases: cases(50), cases: cases(400), budgetMs: 15_000 },
  ],
  govflow: [
    { concurrency: 1, warmupCases: cases(10), cases: cases(80), budgetMs: 35_000 },
    { concurrency: 16, warmupCases: cases(16), cases: cases(96), budgetMs: 40_000 },
  ],
};

/** Cases left waiting at each step for the state-size probes. */
const stateCasesPerStep = cases(10);

/**
 * The issue's deadline load. This 2-core machine schedules 5 500–7 600 deadlines/s, so 100 000
 * take 13–18 s: the run probes the rate first and starts the window later than `minLeadMs` when
 * needed. The workers' processor only records the fire, so concurrency 50 (DeadlineWorker's
 * default is 8) measures what the queue can deliver, not how fast the executor raises cards.
 */
const deadlinePlan: DeadlinePlan = {
  deadlines: positiveInteger('BENCH_DEADLINES') ?? cases(100_000),
  workers: positiveInteger('BENCH_WORKERS') ?? 3,
  workerMode: workerMode(process.env.BENCH_WORKER_MODE),
  workerConcurrency: 50,
  schedulingConcurrency: 500,
  minLeadMs: 20_000,
  maxLeadMs: 120_000,
  probeDeadlines: 5_000,
  windowMs: 60_000,
  graceMs: 30_000,
  settleMs: 2_000,
};

async function main(): Promise<void> {
  const selected = selectedRuns(process.argv[2]);
  // before any logger exists: govflow's info lines would drown the progress output
  process.env.GOVFLOW_LOG_LEVEL ??= 'warn';
  const dataDir = await mkdtemp(join(tmpdir(), 'govflow-bench-'));
  progress(`starting services under ${dataDir}`);
  const services = await startLocalServices({ dataDir, persistRedis: false });
  try {
    const runtime = selected.includes('runtime') ? await runtimeRun(services) : undefined;
    const deadlines = selected.includes('deadlines') ? await deadlineRun(services) : undefined;
    const web = selected.includes('web') ? await webRun(services) : undefined;
    if (runtime) printReport(runtime);
    if (deadlines) printDeadlineReport(deadlines);
    if (web) printWebReport(web);
    printJsonLine(runtime, deadlines, web);
  } finally {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Throughput and latency of the approval on both paths, then the state-size probes. */
async function runtimeRun(services: LocalServices): Promise<BenchFigures> {
  // the very source context govflow's executor runs, so both paths skip XML parsing alike
  const { definition } = await withSession(services, 'setup', async (session) => session);
  const bare = new BareEnginePath(definition.sourceContext);
  const runs: LoadResult[] = [];
  for (const plan of plans.bare) runs.push(await timedRun(plan, 'bare', () => runLoad(bare, plan)));
  for (const plan of plans.govflow) {
    runs.push(await timedRun(plan, 'govflow', () => withSession(services, `c${plan.concurrency}`, ({ govflow }) => runLoad(new GovflowPath(govflow), plan))));
  }
  progress(`measuring state sizes of ${stateCasesPerStep} cases waiting at each step`);
  const raw: RawStateSample[] = await bare.rawStateSizes(stateCasesPerStep);
  const stored: StoredStateSample[] = await withSession(services, 'state', async ({ govflow }) =>
    storedStateSizes(govflow, await new GovflowPath(govflow).leaveWaiting(stateCasesPerStep)),
  );
  return computeFigures(runs, raw, stored);
}

function deadlineRun(services: LocalServices): Promise<DeadlineFigures> {
  const { deadlines, workers, workerConcurrency } = deadlinePlan;
  progress(`deadlines: ${deadlines} deadlines, ${workers} workers (${deadlinePlan.workerMode}) x concurrency ${workerConcurrency}`);
  return runDeadlines(services.redisUrl, deadlinePlan);
}

async function webRun(services: LocalServices): Promise<WebFigures> {
  progress('web: page bundle sizes, then the modeler loaded 6 times in headless Chromium');
  return { bundles: pageBundles(), modeler: await modelerTimeToInteractive(services, 6) };
}

async function withSession<T>(services: LocalServices, label: string, use: (session: GovflowSession) => Promise<T>): Promise<T> {
  const session = await openGovflowSession(services, label);
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

function timedRun(plan: LoadPlan, path: string, run: () => Promise<LoadResult>): Promise<LoadResult> {
  progress(`${path} c=${plan.concurrency}: ${plan.warmupCases} warm-up cases, then up to ${plan.cases} timed (budget ${plan.budgetMs / 1000} s)`);
  return run();
}

function selectedRuns(argument: string | undefined): readonly RunName[] {
  if (argument === undefined) return runNames;
  const run = runNames.find((name) => name === argument);
  if (!run) throw new Error(`unknown bench run "${argument}": pass one of ${runNames.join(', ')}, or nothing for all`);
  return [run];
}

function cases(count: number): number {
  return Math.max(1, Math.round(count * scale));
}

function benchScale(text: string | undefined): number {
  const value = Number(text ?? '1');
  if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH_SCALE must be a positive number, not ${text}`);
  return value;
}

/** An environment variable that must hold a positive integer when set. */
function positiveInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${text}`);
  return value;
}

function workerMode(text: string | undefined): WorkerMode {
  const mode = text ?? 'in-process';
  if (mode !== 'in-process' && mode !== 'processes') throw new Error(`BENCH_WORKER_MODE must be in-process or processes, not ${text}`);
  return mode;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
