import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServices, type LocalServices } from '../scripts/services';
import { BareEnginePath, type RawStateSample } from './bare-engine';
import type { DeadlineFigures, WorkerMode } from './deadline-figures';
import { printDeadlineReport } from './deadline-report';
import { runDeadlines, type DeadlinePlan } from './deadline-run';
import { measureDeployStall, printStallReport } from './deploy-stall';
import { measureExternalTasks, printExternalReport } from './external-tasks';
import { computeFigures, type BenchFigures } from './figures';
import { GovflowPath } from './govflow-path';
import { runAtVolume, type VolumePlan, type VolumeResult } from './volume-run';
import { openGovflowSession, type GovflowSession } from './govflow-session';
import { printJsonLine } from './json-line';
import { runLoad, type LoadPlan, type LoadResult } from './load-runner';
import { progress } from './progress';
import { printReport } from './report';
import { endedCaseSizes, storedStateSizes } from './stored-state';
import { pageBundles } from './web-bundles';
import { modelerTimeToInteractive } from './web-interactive';
import { printWebReport, type WebFigures } from './web-report';

/**
 * `npm run bench`: two runs on servers of its own (or MONGODB_URI/REDIS_URL, in databases and
 * prefixes it drops afterwards).
 * - runtime: the 3-step approval (a) on bare bpmn-engine in memory and (b) through govflow with
 *   persistence, with 0, 10 000 and 100 000 cases stored first (BENCH_VOLUMES overrides the list),
 *   at concurrency 1 and 16; about ten minutes on a 2-core machine with FerretDB, most of it
 *   filling the store.
 * - deadlines: 100 000 deadlines due within one minute, fired by BullMQ workers; about 1.5 minutes.
 * - web: each page's production bundle size and the modeler's time to interactive in headless
 *   Chromium; about 20 seconds.
 * - deploy: how long small API requests and the event loop wait while a large model is
 *   uploaded (bench/deploy-stall.ts); under a minute.
 * - external: 400 cases waiting on one topic done by 4 reference workers over HTTP, fetch-and-lock
 *   and complete (bench/external-tasks.ts); about a minute.
 * `node dist/bench/run.js runtime|deadlines|web|deploy|external` runs one; no argument runs all five
 * in that order.
 * BENCH_SCALE (default 1) multiplies every case and deadline count, e.g. 0.1 for a smoke run;
 * BENCH_DEADLINES and BENCH_WORKERS set the deadline run's count and workers outright, and
 * BENCH_WORKER_MODE=processes runs each worker in a child process instead of this one. Every
 * timed loop also stops once its time budget is spent.
 */
const scale = benchScale(process.env.BENCH_SCALE);

type RunName = 'runtime' | 'deadlines' | 'web' | 'deploy' | 'external';
const runNames: readonly RunName[] = ['runtime', 'deadlines', 'web', 'deploy', 'external'];

/**
 * Case counts sized to this 2-core machine: the bare engine runs ~60 cases/s, govflow 8–15, so
 * govflow gets fewer cases; the budgets keep each load within a minute wherever it runs.
 */
const plans: Record<'bare' | 'govflow', LoadPlan[]> = {
  bare: [
    { concurrency: 1, warmupCases: cases(50), cases: cases(400), budgetMs: 15_000 },
    { concurrency: 16, warmupCases: cases(50), cases: cases(400), budgetMs: 15_000 },
  ],
  govflow: [
    { concurrency: 1, warmupCases: cases(10), cases: cases(100), budgetMs: 40_000 },
    { concurrency: 16, warmupCases: cases(32), cases: cases(240), budgetMs: 45_000 },
  ],
};

/**
 * The volumes the runtime run measures at: cases stored before the loads, 10 % of them open,
 * spread over 100 departments (none of them the bench clerk's), 500 clerks and 5 000 applicants.
 */
const volumes: VolumePlan[] = storedVolumes(process.env.BENCH_VOLUMES).map((stored) => ({
  preload: { cases: stored, openShare: 0.1, departments: 100, clerks: 500, applicants: 5_000 },
  loads: plans.govflow,
  inboxQueue: 50,
  inboxReads: 100,
}));

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
    const deploy = selected.includes('deploy') ? await measureDeployStall(services) : undefined;
    const external = selected.includes('external') ? await measureExternalTasks(services, { tasks: cases(400), workers: 4, budgetMs: 60_000 }) : undefined;
    if (runtime) printReport(runtime);
    if (deadlines) printDeadlineReport(deadlines);
    if (web) printWebReport(web);
    if (deploy) printStallReport(deploy);
    if (external) printExternalReport(external);
    printJsonLine(runtime, deadlines, web);
  } finally {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Throughput and latency of the approval on both paths, govflow at each volume, then the state-size probes. */
async function runtimeRun(services: LocalServices): Promise<BenchFigures> {
  // the very source context govflow's executor runs, so both paths skip XML parsing alike
  const { definition } = await withSession(services, 'setup', async (session) => session);
  const bare = new BareEnginePath(definition.sourceContext);
  const runs: LoadResult[] = [];
  for (const plan of plans.bare) runs.push(await timedRun(plan, 'bare', () => runLoad(bare, plan)));
  const measured: VolumeResult[] = [];
  for (const volume of volumes) measured.push(await runAtVolume(services, volume));
  progress(`measuring state sizes of ${stateCasesPerStep} cases waiting at each step`);
  const raw: RawStateSample[] = await bare.rawStateSizes(stateCasesPerStep);
  const { stored, ended } = await withSession(services, 'state', async ({ govflow }) => {
    const path = new GovflowPath(govflow);
    return { stored: await storedStateSizes(govflow, await path.leaveWaiting(stateCasesPerStep)), ended: await endedCaseSizes(govflow, await path.endCases(stateCasesPerStep)) };
  });
  return computeFigures(runs, measured, raw, stored, ended);
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

/** BENCH_VOLUMES: stored-case counts, comma-separated (default 0,10000,100000, times BENCH_SCALE). */
function storedVolumes(text: string | undefined): number[] {
  if (text === undefined || text === '') return [0, cases(10_000), cases(100_000)];
  const counts = text.split(',').map((item) => Number(item.trim()));
  if (counts.some((count) => !Number.isInteger(count) || count < 0) || !counts.includes(0)) throw new Error(`BENCH_VOLUMES must list whole numbers of stored cases, 0 among them, not ${text}`);
  return counts;
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
