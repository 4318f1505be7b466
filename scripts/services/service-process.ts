import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

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
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Spawns a service binary, logging its output to `logFile`, and waits until `ready()` resolves.
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
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options.runAs });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  running.add(child);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    running.delete(child);
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
  return {
    name,
    pid: child.pid ?? 0,
    stop: () => stopChild(child, options.stopSignal ?? 'SIGTERM'),
  };
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
