import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DeadlineWorkers } from './deadline-workers';
import type { FireLog } from './fire-log';
import type { BenchProcessMessage, WorkerProcessMessage } from './worker-messages';

/** A worker process that has not said `ready` (or `closed`) by then is counted broken. */
const startTimeoutMs = 20_000;
const closeTimeoutMs = 15_000;

/**
 * Forks `count` worker processes (deadline-worker-process.ts), each one BullMQ worker with
 * `concurrency` on the run's `prefix`, and records their fires in `log`. Called by the deadline
 * run in `processes` mode: closer to production, where each govflow node runs one DeadlineWorker
 * in its own process, and the bench's own event loop no longer delays the fires.
 */
export async function startWorkerProcesses(redisUrl: string, prefix: string, count: number, concurrency: number, log: FireLog): Promise<DeadlineWorkers> {
  let failed = 0;
  let stalled = 0;
  let cpuMs = 0;
  const errors: string[] = [];
  const entry = join(__dirname, 'deadline-worker-process.js');
  const children = Array.from({ length: count }, () => {
    const child = fork(entry, [redisUrl, prefix, String(concurrency)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message: WorkerProcessMessage) => {
      if (message.kind === 'fires') for (const [id, at, firedAt] of message.fires) log.record({ id, at }, firedAt);
      if (message.kind === 'closed') {
        failed += message.failed;
        stalled += message.stalled;
        cpuMs += message.cpuMs;
        errors.push(...message.errors);
      }
    });
    return child;
  });
  const close = async (): Promise<void> => {
    const outcomes = await Promise.all(children.map((child) => stopChild(child)));
    for (const problem of outcomes) if (problem) errors.push(problem);
  };
  try {
    await Promise.all(children.map((child) => awaitMessage(child, 'ready', startTimeoutMs)));
  } catch (error) {
    await close();
    throw error;
  }
  return { failed: () => failed, stalled: () => stalled, errors: () => [...errors], processCpuMs: () => cpuMs, close };
}

/** Asks one worker process to close and waits for its last message and its exit; kills it if it hangs. */
async function stopChild(child: ChildProcess): Promise<string | undefined> {
  if (child.exitCode !== null || child.signalCode !== null) return `worker process ${child.pid} had exited (${child.exitCode ?? child.signalCode})`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const message: BenchProcessMessage = { kind: 'close' };
    child.send(message);
    await awaitMessage(child, 'closed', closeTimeoutMs);
    await exited;
    return undefined;
  } catch (error) {
    // only this child, by its own handle: it is ours and did not stop when asked
    child.kill('SIGKILL');
    await exited;
    return (error as Error).message;
  }
}

/** Resolves on the child's first message of `kind`; rejects if it exits first or `timeoutMs` passes. */
function awaitMessage(child: ChildProcess, kind: WorkerProcessMessage['kind'], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    const onMessage = (message: WorkerProcessMessage) => message.kind === kind && done(resolve);
    const onExit = (code: number | null) => done(() => reject(new Error(`worker process ${child.pid} exited (${code}) before '${kind}'`)));
    const timer = setTimeout(() => done(() => reject(new Error(`worker process ${child.pid} sent no '${kind}' within ${timeoutMs / 1000} s`))), timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
