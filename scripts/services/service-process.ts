import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, readFileSync, rmSync } from 'node:fs';
import { findBinary } from './find-binary';
import { processIdentity } from './process-identity';
import { openPrivateFile, withPrivateUmask, writePrivateFile } from './private-files';

/** A server binary started by govflow for local use; stopped with the process that started it. */
export interface ServiceProcess {
  readonly name: string;
  /** The server's process id, e.g. for the bench to read its CPU time. */
  readonly pid: number;
  stop(): Promise<void>;
}

/** A user to run a server as (PostgreSQL refuses root). */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface ServiceProcessOptions {
  runAs?: RunAs;
  /** The signal that stops the server quickly and cleanly. Default SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** How long to wait for `ready()`. Default 60 s. */
  timeoutMs?: number;
  /**
   * Where to record the running server (pid, start, stop signal) for leftover-servers.ts to stop
   * it should this process die without stopping it. Default: none.
   */
  pidFile?: string;
}

/** What a pid file holds: the server's identity and the signal that stops it cleanly. */
export interface PidFileRecord {
  pid: number;
  start?: string;
  stopSignal: NodeJS.Signals;
}

const running = new Map<ChildProcess, NodeJS.Signals>();
process.on('exit', () => {
  for (const [child, signal] of running) child.kill(signal);
});

/**
 * util-linux's setpriv, where there is one (Linux): it asks the kernel to send the server its stop
 * signal when govflow dies, even by `kill -9`, and then becomes the server, so the server is
 * govflow's child with its own pid. Elsewhere a server outlives a killed govflow until the next
 * start on its data folder stops it (leftover-servers.ts).
 */
const setpriv = process.platform === 'linux' ? findBinary('setpriv') : undefined;

/**
 * Spawns a service binary, its output appended to `logFile`, and waits until `ready()` resolves.
 * Throws with the tail of the log when the process exits or never answers.
 */
export async function startServiceProcess(
  name: string,
  command: string,
  args: string[],
  logFile: string,
  ready: () => Promise<void>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  const child = spawnGuarded(command, args, logFile, stopSignal, options.runAs);
  running.set(child, stopSignal);
  const pidFile = options.pidFile;
  if (pidFile && child.pid) writePrivateFile(pidFile, JSON.stringify({ ...processIdentity(child.pid), stopSignal } satisfies PidFileRecord));
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    running.delete(child);
    if (pidFile) rmSync(pidFile, { force: true });
    exited = `exited with ${code ?? signal}`;
  });
  child.on('error', (error) => (exited = error.message));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${name} ${exited} before answering; see ${logFile}:\n${logTail(logFile)}`);
    try {
      await ready();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${name} did not answer within ${timeoutMs} ms; see ${logFile}:\n${logTail(logFile)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { name, pid: child.pid ?? 0, stop: () => stopChild(child, stopSignal) };
}

/** Spawns with the log file as stdout and stderr (no pipe through this process) and a private umask. */
function spawnGuarded(command: string, args: string[], logFile: string, stopSignal: NodeJS.Signals, runAs: RunAs | undefined): ChildProcess {
  const log = openPrivateFile(logFile);
  try {
    const [file, argv] = setpriv ? [setpriv, ['--pdeathsig', stopSignal, '--', command, ...args]] : [command, args];
    return withPrivateUmask(() => spawn(file, argv, { stdio: ['ignore', log, log], ...runAs }));
  } finally {
    closeSync(log);
  }
}

/** The last lines a server wrote, for an error message that says why it did not start. */
function logTail(logFile: string, lines = 8): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
