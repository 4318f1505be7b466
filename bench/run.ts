import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, Govflow, systemActor } from '../engine';
import { startLocalServices } from '../scripts/services';
import { approvalXml, processKey } from './approval-steps';
import { BareEnginePath } from './bare-engine';
import { computeFigures } from './figures';
import { GovflowPath } from './govflow-path';
import { runLoad, type ApprovalPath, type LoadPlan, type LoadResult } from './load-runner';
import { printReport } from './report';
import { storedStateSizes } from './stored-state';

/**
 * `npm run bench`: the 3-step approval (a) on bare bpmn-engine in memory and (b) through govflow
 * with persistence, at concurrency 1 and 16, on servers of its own (or MONGODB_URI/REDIS_URL,
 * in a database it drops afterwards). BENCH_SCALE (default 1) multiplies every case count,
 * e.g. 0.1 for a quick smoke run; each timed run also stops taking cases after its budget.
 */
const scale = benchScale(process.env.BENCH_SCALE);

/** Bare runs are cheap, so they get many more cases to give their microsecond latencies a stable p99. */
const plans: Record<'bare' | 'govflow', LoadPlan[]> = {
  bare: [
    { concurrency: 1, warmupCases: cases(200), cases: cases(3000), budgetMs: 15_000 },
    { concurrency: 16, warmupCases: cases(200), cases: cases(6000), budgetMs: 15_000 },
  ],
  govflow: [
    { concurrency: 1, warmupCases: cases(20), cases: cases(200), budgetMs: 45_000 },
    { concurrency: 16, warmupCases: cases(20), cases: cases(400), budgetMs: 45_000 },
  ],
};

/** Cases left waiting at each step for the state-size probes. */
const stateCasesPerStep = cases(20);

async function main(): Promise<void> {
  // before any logger exists: govflow's info lines would drown the progress output
  process.env.GOVFLOW_LOG_LEVEL ??= 'warn';
  const dataDir = await mkdtemp(join(tmpdir(), 'govflow-bench-'));
  progress(`starting services under ${dataDir}`);
  const services = await startLocalServices({ dataDir, persistRedis: false });
  let govflow: Govflow | undefined;
  try {
    const suffix = randomBytes(4).toString('hex');
    govflow = await Govflow.create({
      mongodbUri: services.mongodbUri,
      redisUrl: services.redisUrl,
      dbName: `bench_${suffix}`,
      queuePrefix: `bench_${suffix}`,
      logger: createLogger('bench', 2),
    });
    await govflow.deploy(approvalXml(), systemActor);
    // the very source context govflow's executor runs, so both paths skip XML parsing alike
    const definition = await govflow.definitions.latest(processKey);
    const bare = new BareEnginePath(definition.sourceContext);
    const persisted = new GovflowPath(govflow);

    const runs = [...(await runAll(bare, plans.bare)), ...(await runAll(persisted, plans.govflow))];
    progress('measuring state sizes');
    const raw = await bare.rawStateSizes(stateCasesPerStep);
    const stored = await storedStateSizes(govflow, await persisted.leaveWaiting(stateCasesPerStep));
    printReport(computeFigures(runs, raw, stored));
  } finally {
    if (govflow) {
      await govflow.store.connection.dropDatabase().catch(() => undefined);
      await govflow.close();
    }
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runAll(path: ApprovalPath, pathPlans: LoadPlan[]): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const plan of pathPlans) {
    progress(`${path.name} c=${plan.concurrency}: ${plan.warmupCases} warm-up cases, then ${plan.cases} timed`);
    results.push(await runLoad(path, plan));
  }
  return results;
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
