import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { DeadlineQueue } from '../engine/deadlines';
import { benchDeadline, type DeadlineWindow } from './bench-deadlines';
import { deadlineTargets, summariseLateness, type DeadlineFigures, type WorkerMode } from './deadline-figures';
import { scheduleDeadlines, type SchedulingResult } from './deadline-scheduling';
import { startDeadlineWorkers, type DeadlineWorkers } from './deadline-workers';
import { FireLog } from './fire-log';
import { progress } from './progress';
import { redisCpuSeconds, redisUsedMemory } from './redis-info';
import { probeSchedulingRate } from './scheduling-probe';
import { startWorkerProcesses } from './worker-processes';

/** Lead over the probe's projection of scheduling time, for a rate that sags as Redis fills. */
const leadSafetyFactor = 1.25;
/** Lead for what happens between scheduling and the first due time: INFO, counting, starting workers. */
const leadAllowanceMs = 3_000;

/** How many deadlines, when they fall and who fires them; made by the bench entry. */
export interface DeadlinePlan {
  deadlines: number;
  workers: number;
  workerMode: WorkerMode;
  /** Jobs each worker runs at once. */
  workerConcurrency: number;
  /** `DeadlineQueue.schedule` calls in flight at once. */
  schedulingConcurrency: number;
  /**
   * Least time from the start of scheduling to the first due time. The run lengthens it when the
   * probe says scheduling would not be done by then: the memory reading must see every job
   * pending, and firing must not compete with scheduling.
   */
  minLeadMs: number;
  /** Most the lead may grow to, so a slow Redis still gives a bounded run (scheduling then overlaps firing). */
  maxLeadMs: number;
  /** Jobs the scheduling-rate probe schedules (at most `deadlines`). */
  probeDeadlines: number;
  /** The due times spread evenly over this span after the lead. */
  windowMs: number;
  /** How long after the last due time the run still waits for stragglers before counting them missed. */
  graceMs: number;
  /** Workers keep running this long after the last fire, so a late second delivery is still counted. */
  settleMs: number;
}

/** Where the run works: the bench's Redis, its own prefix there, and the queue under test. */
interface RunContext {
  redisUrl: string;
  redis: Redis;
  prefix: string;
  queue: DeadlineQueue;
}

/** Memory and queue figures read between scheduling and firing. */
interface PendingState {
  probedPerSecond: number;
  leadMs: number;
  usedMemoryBefore: number;
  usedMemoryAfterScheduling: number;
  pendingAfterScheduling: number;
  overranLead: boolean;
}

/** What the workers did while firing. */
interface FiringResult {
  log: FireLog;
  failed: number;
  stalled: number;
  errors: string[];
  elapsedMs: number;
  nodeCpuPercent: number;
  workerProcessesCpuPercent: number;
  redisCpuPercent: number;
}

/**
 * `npm run bench`'s deadline run: schedules `plan.deadlines` jobs through the real
 * DeadlineQueue, all due within `plan.windowMs`, measures what they cost Redis while pending,
 * then lets BullMQ workers fire them and checks that each fired once and on time. Works under a
 * prefix of its own and obliterates it afterwards, so it can share a Redis with anything.
 */
export async function runDeadlines(redisUrl: string, plan: DeadlinePlan): Promise<DeadlineFigures> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `bench-deadlines-${randomBytes(4).toString('hex')}`;
  const queue = new DeadlineQueue(redis, prefix);
  try {
    await queue.queue.waitUntilReady();
    return await measure({ redisUrl, redis, prefix, queue }, plan);
  } finally {
    await clear(queue);
    redis.disconnect();
  }
}

async function measure(context: RunContext, plan: DeadlinePlan): Promise<DeadlineFigures> {
  const { redis, prefix, queue } = context;
  const probedPerSecond = await probeSchedulingRate(redis, `${prefix}-probe`, Math.min(plan.probeDeadlines, plan.deadlines), plan.schedulingConcurrency);
  const leadMs = leadFor(plan, probedPerSecond);
  const usedMemoryBefore = await redisUsedMemory(redis);
  const window: DeadlineWindow = { count: plan.deadlines, startMs: Date.now() + leadMs, windowMs: plan.windowMs };
  progress(`deadlines: probe scheduled ${Math.round(probedPerSecond)}/s; scheduling ${plan.deadlines} due within ${plan.windowMs / 1000} s, starting in ${leadMs / 1000} s (prefix ${prefix})`);
  // past the window's end a job would be due on arrival: nothing left to measure
  const stopAt = performance.now() + leadMs + plan.windowMs;
  const onProgress = (done: number) => progress(`  deadlines: ${done}/${plan.deadlines} scheduled`);
  const scheduling = await scheduleDeadlines(queue, { count: plan.deadlines, concurrency: plan.schedulingConcurrency, stopAt, onProgress }, (index) => benchDeadline(index, window));
  progress(`deadlines: ${scheduling.scheduled} scheduled in ${(scheduling.elapsedMs / 1000).toFixed(1)} s (${Math.round(scheduling.perSecond)}/s)`);
  const pending: PendingState = {
    probedPerSecond,
    leadMs,
    usedMemoryBefore,
    usedMemoryAfterScheduling: await redisUsedMemory(redis),
    pendingAfterScheduling: await queue.pending(),
    overranLead: Date.now() >= window.startMs,
  };
  const firing = await fire(context, plan, window, scheduling.scheduled);
  const usedMemoryAfterFiring = await redisUsedMemory(redis);
  return figures(plan, scheduling, pending, firing, usedMemoryAfterFiring);
}

/** The plan's lead, or longer (up to its maximum) when the probed rate says scheduling would take longer. */
function leadFor(plan: DeadlinePlan, probedPerSecond: number): number {
  const projectedMs = (plan.deadlines * 1000) / probedPerSecond;
  // whole seconds, so the printed lead reads plainly
  const neededMs = Math.ceil((projectedMs * leadSafetyFactor + leadAllowanceMs) / 1000) * 1000;
  return Math.min(plan.maxLeadMs, Math.max(plan.minLeadMs, neededMs));
}

/**
 * Starts the workers ahead of the first due time, waits until every scheduled job fired or the
 * time bound passed, stops them. CPU is read over the firing span only, from the first due time.
 */
async function fire(context: RunContext, plan: DeadlinePlan, window: DeadlineWindow, expected: number): Promise<FiringResult> {
  const { redis } = context;
  const log = new FireLog();
  const workers = await startWorkers(context, plan, log);
  progress(`deadlines: ${plan.workers} workers (${plan.workerMode}) x concurrency ${plan.workerConcurrency} running; first due in ${((window.startMs - Date.now()) / 1000).toFixed(1)} s`);
  let span: { elapsedMs: number; nodeCpuMs: number; redisCpuMs: number };
  try {
    await sleep(Math.max(0, window.startMs - Date.now()));
    const cpuBefore = process.cpuUsage();
    const redisCpuBefore = await redisCpuSeconds(redis);
    const startedAt = performance.now();
    await awaitFires(log, expected, window.startMs + window.windowMs + plan.graceMs);
    const cpu = process.cpuUsage(cpuBefore);
    span = { elapsedMs: performance.now() - startedAt, nodeCpuMs: (cpu.user + cpu.system) / 1000, redisCpuMs: ((await redisCpuSeconds(redis)) - redisCpuBefore) * 1000 };
    await sleep(plan.settleMs);
  } finally {
    await workers.close();
  }
  const percentOfSpan = (cpuMs: number) => Math.round((cpuMs * 100) / span.elapsedMs);
  return {
    log,
    failed: workers.failed(),
    stalled: workers.stalled(),
    errors: workers.errors(),
    elapsedMs: span.elapsedMs,
    nodeCpuPercent: percentOfSpan(span.nodeCpuMs),
    // counted by each process from its start to its close: idle outside the span, so close enough
    workerProcessesCpuPercent: percentOfSpan(workers.processCpuMs()),
    redisCpuPercent: percentOfSpan(span.redisCpuMs),
  };
}

/** In this process, or one child process per worker, as the plan says. */
function startWorkers({ redisUrl, redis, prefix }: RunContext, plan: DeadlinePlan, log: FireLog): Promise<DeadlineWorkers> {
  if (plan.workerMode === 'processes') return startWorkerProcesses(redisUrl, prefix, plan.workers, plan.workerConcurrency, log);
  return startDeadlineWorkers(redis, prefix, plan.workers, plan.workerConcurrency, (job, firedAt) => log.record(job, firedAt));
}

/** Polls the log until `expected` ids fired or `untilMs` (epoch) passed; progress every ten seconds. */
async function awaitFires(log: FireLog, expected: number, untilMs: number): Promise<void> {
  let nextReport = Date.now() + 10_000;
  while (log.distinct < expected && Date.now() < untilMs) {
    await sleep(100);
    if (Date.now() >= nextReport) {
      progress(`  deadlines: ${log.distinct}/${expected} fired, ${log.duplicated} duplicated`);
      nextReport += 10_000;
    }
  }
}

function figures(plan: DeadlinePlan, scheduling: SchedulingResult, pending: PendingState, firing: FiringResult, usedMemoryAfterFiring: number): DeadlineFigures {
  const { log } = firing;
  const missed = scheduling.scheduled - log.distinct;
  const latenessMs = summariseLateness(log.latenessMs);
  const perJob = (bytes: number, jobs: number) => (jobs > 0 ? Math.round(bytes / jobs) : Number.NaN);
  return {
    deadlines: plan.deadlines,
    scheduled: scheduling.scheduled,
    workers: plan.workers,
    workerConcurrency: plan.workerConcurrency,
    workerMode: plan.workerMode,
    leadMs: pending.leadMs,
    windowMs: plan.windowMs,
    scheduling: {
      probedPerSecond: Math.round(pending.probedPerSecond),
      elapsedMs: Math.round(scheduling.elapsedMs),
      perSecond: Math.round(scheduling.perSecond),
      cutShort: scheduling.cutShort,
      overranLead: pending.overranLead,
    },
    redis: {
      usedMemoryBefore: pending.usedMemoryBefore,
      usedMemoryAfterScheduling: pending.usedMemoryAfterScheduling,
      pendingAfterScheduling: pending.pendingAfterScheduling,
      bytesPerPending: perJob(pending.usedMemoryAfterScheduling - pending.usedMemoryBefore, pending.pendingAfterScheduling),
      usedMemoryAfterFiring,
      bytesPerFiredKept: perJob(usedMemoryAfterFiring - pending.usedMemoryBefore, log.distinct),
    },
    fired: log.distinct,
    missed,
    duplicated: log.duplicated,
    failed: firing.failed,
    stalled: firing.stalled,
    latenessMs,
    firing: {
      elapsedMs: Math.round(firing.elapsedMs),
      nodeCpuPercent: firing.nodeCpuPercent,
      workerProcessesCpuPercent: firing.workerProcessesCpuPercent,
      redisCpuPercent: firing.redisCpuPercent,
    },
    errors: firing.errors,
    targets: deadlineTargets(missed, log.duplicated, latenessMs),
  };
}

/** Removes every key under the run's prefix, then closes the queue; failures here only warn. */
async function clear(queue: DeadlineQueue): Promise<void> {
  const startedAt = performance.now();
  try {
    await queue.queue.obliterate({ force: true });
    progress(`deadlines: queue obliterated in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  } catch (error) {
    progress(`deadlines: could not obliterate the queue: ${(error as Error).message}`);
  } finally {
    await queue.close();
  }
}
