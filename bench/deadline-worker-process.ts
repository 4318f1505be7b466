import { Redis } from 'ioredis';
import { startDeadlineWorkers, type DeadlineWorkers } from './deadline-workers';
import type { BenchProcessMessage, FireEntry, WorkerProcessMessage } from './worker-messages';

/**
 * Entry of one worker process in the deadline run's `processes` mode, forked by
 * worker-processes.ts as `node deadline-worker-process.js <redisUrl> <prefix> <concurrency>`:
 * one BullMQ worker, as one govflow node runs one DeadlineWorker, sending its fires to the bench
 * process in batches. Stops on the bench's `close` message or when the bench process goes away.
 */

/** How often buffered fires go to the bench: one IPC message per fire would cost more than the fire. */
const flushEveryMs = 50;

async function main(): Promise<void> {
  const [redisUrl, prefix, concurrencyText] = process.argv.slice(2);
  if (!redisUrl || !prefix || !process.send) throw new Error('deadline-worker-process is forked by the bench with <redisUrl> <prefix> <concurrency>');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  let buffered: FireEntry[] = [];
  const flush = () => {
    if (buffered.length === 0) return;
    send({ kind: 'fires', fires: buffered });
    buffered = [];
  };
  const timer = setInterval(flush, flushEveryMs);
  const workers = await startDeadlineWorkers(redis, prefix, 1, Number(concurrencyText), (job, firedAt) => buffered.push([job.id, job.at, firedAt]));
  const cpuAtReady = process.cpuUsage();
  const stop = once(async () => {
    clearInterval(timer);
    await workers.close();
    flush();
    redis.disconnect();
    const cpu = process.cpuUsage(cpuAtReady);
    finish(workers, (cpu.user + cpu.system) / 1000);
  });
  process.on('message', (message: BenchProcessMessage) => {
    if (message.kind === 'close') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ kind: 'ready' });
}

/** Sends the closing counts, then lets go of the IPC channel so the process can exit. */
function finish(workers: DeadlineWorkers, cpuMs: number): void {
  const closed: WorkerProcessMessage = { kind: 'closed', failed: workers.failed(), stalled: workers.stalled(), errors: workers.errors(), cpuMs };
  // the bench may be gone already (it stopped us by disconnecting); then there is no one to tell
  if (!process.connected) return;
  process.send?.(closed, undefined, {}, () => process.disconnect());
}

function send(message: WorkerProcessMessage): void {
  if (process.connected) process.send?.(message);
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}

main().catch((error: unknown) => {
  process.stderr.write(`deadline worker process failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
  // without this the open Redis connection would keep a failed process alive
  process.disconnect?.();
  setTimeout(() => process.exit(1), 1_000).unref();
});
