import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServices, type LocalServices } from '../scripts/services';
import { BareEnginePath, type RawStateSample } from './bare-engine';
import { computeFigures } from './figures';
import { GovflowPath } from './govflow-path';
import { openGovflowSession, type GovflowSession } from './govflow-session';
import { runLoad, type LoadPlan, type LoadResult } from './load-runner';
import { printReport } from './report';
import { storedStateSizes, type StoredStateSample } from './stored-state';

/**
 * `npm run bench`: the 3-step approval (a) on bare bpmn-engine in memory and (b) through govflow
 * with persistence, at concurrency 1 and 16, on servers of its own (or MONGODB_URI/REDIS_URL,
 * in databases it drops afterwards). BENCH_SCALE (default 1) multiplies every case count,
 * e.g. 0.1 for a smoke run; each timed run also stops taking cases once its budget is spent.
 * The defaults fit in about three minutes on a 2-core machine with FerretDB.
 */
const scale = benchScale(process.env.BENCH_SCALE);

/**
 * Case counts sized to this 2-core machine: the bare engine runs ~50 cases/s, govflow on FerretDB
 * 2–4 (its stores slow down as collections grow), so govflow gets far fewer cases; the budgets
 * keep the whole bench near three minutes wherever it runs.
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

async function main(): Promise<void> {
  // before any logger exists: govflow's info lines would drown the progress output
  process.env.GOVFLOW_LOG_LEVEL ??= 'warn';
  const dataDir = await mkdtemp(join(tmpdir(), 'govflow-bench-'));
  progress(`starting services under ${dataDir}`);
  const services = await startLocalServices({ dataDir, persistRedis: false });
  try {
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
    printReport(computeFigures(runs, raw, stored));
  } finally {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
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

function cases(count: number): number {
  return Math.max(1, Math.round(count * scale));
}

function benchScale(text: string | undefined): number {
  const value = Number(text ?? '1');
  if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH_SCALE must be a positive number, not ${text}`);
  return value;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
