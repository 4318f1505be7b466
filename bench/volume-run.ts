import { performance } from 'node:perf_hooks';
import type { Govflow } from '../engine';
import type { LocalServices } from '../scripts/services';
import { benchClerk } from './approval-steps';
import { GovflowPath } from './govflow-path';
import { openGovflowSession } from './govflow-session';
import { runLoad, type ApprovalPath, type LoadPlan, type LoadResult } from './load-runner';
import { preloadCases, type PreloadPlan } from './preload';
import { treeCpuMs } from './process-cpu';
import { progress } from './progress';
import { round, summariseLatency, type LatencySummary } from './stats';
import { StoreCommandLog, type RoundTrips } from './store-commands';

/** One volume to measure at: how many cases are stored first, then the loads to drive. */
export interface VolumePlan {
  preload: PreloadPlan;
  loads: LoadPlan[];
  /** The bench clerk's queue the inbox is read on: cases left waiting at the first step, the same at every volume. */
  inboxQueue: number;
  /** How many times the bench clerk's claimable list is read after the loads. */
  inboxReads: number;
}

/** What the runtime run found at one volume. */
export interface VolumeResult {
  stored: number;
  preloadSeconds: number;
  runs: LoadResult[];
  /** The bench clerk's claimable list (first page of 50) read after the loads, and how long the list was. */
  inbox: LatencySummary & { queue: number };
  /** Store round trips per command, counted during the concurrency-1 load. */
  roundTrips: Record<string, RoundTrips>;
}

/**
 * Called by the bench entry once per volume: a fresh database filled with the volume's cases,
 * then the approval driven at each concurrency through govflow, counting the store round trips
 * of every command at concurrency 1, and the clerk's inbox read at the end.
 */
export async function runAtVolume(services: LocalServices, plan: VolumePlan): Promise<VolumeResult> {
  const log = new StoreCommandLog();
  const stored = plan.preload.cases;
  const session = await openGovflowSession(services, `v${stored}`, { onStoreCommand: log.listener });
  try {
    const { govflow } = session;
    progress(`${stored} cases stored: preloading`);
    const preloadStarted = performance.now();
    await preloadCases(govflow, plan.preload);
    const preloadSeconds = round((performance.now() - preloadStarted) / 1000, 1);
    const servers = services.processes.filter((server) => server.name !== 'redis-server').map(({ name, pid }) => ({ name, pid }));
    if (stored > 0) await settle(servers);
    const redis = services.processes.filter((server) => server.name === 'redis-server').map(({ pid }) => ({ name: 'redis', pid }));
    const runs: LoadResult[] = [];
    for (const load of plan.loads) {
      progress(`${stored} stored, govflow c=${load.concurrency}: ${load.warmupCases} warm-up cases, then up to ${load.cases} timed (budget ${load.budgetMs / 1000} s)`);
      const path = new GovflowPath(govflow);
      const counted = load.concurrency === 1 ? countingRoundTrips(path, log) : path;
      runs.push(await runLoad(counted, { ...load, servers: [...servers, ...redis] }));
    }
    await new GovflowPath(govflow).leaveWaiting(plan.inboxQueue, 1);
    return { stored, preloadSeconds, runs, inbox: await readInbox(govflow, plan.inboxReads), roundTrips: log.summary() };
  } finally {
    await session.close();
  }
}

/**
 * Waits, two minutes at most, until the store is idle after the preload: PostgreSQL vacuums
 * and analyses the million documents just written, which would otherwise be timed as the
 * commands' cost. Idle: under a tenth of a core over two seconds.
 */
async function settle(servers: Array<{ pid: number }>): Promise<void> {
  const busy = () => servers.reduce((total, server) => total + treeCpuMs(server.pid), 0);
  for (let waited = 0; waited < 120_000; waited += 2_000) {
    const before = busy();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (busy() - before < 200) return;
  }
  progress('  the store was still busy after two minutes; measuring anyway');
}

/** The path with every timed command's store round trips recorded by kind. */
function countingRoundTrips(path: ApprovalPath, log: StoreCommandLog): ApprovalPath {
  return { name: path.name, runCase: (time) => path.runCase((kind, command) => time(kind, () => log.during(kind, command))) };
}

/** Reads the bench clerk's first page of claimable tasks (the queue is the same at every volume), timing each read. */
async function readInbox(govflow: Govflow, reads: number): Promise<LatencySummary & { queue: number }> {
  const samples: number[] = [];
  let queue = 0;
  for (let n = 0; n < reads; n++) {
    const began = performance.now();
    queue = (await govflow.tasks.list(benchClerk, 'claimable', { limit: 50, offset: 0 })).total;
    samples.push(performance.now() - began);
  }
  return { ...summariseLatency(samples), queue };
}
