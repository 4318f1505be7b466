import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A server of the suite's own that a fault test kills with SIGKILL and starts again on the same
 * port and data, as an operator's restart would, with the command line it was started with.
 */
export class KillableServer {
  readonly #command: string[];
  readonly #ready: () => Promise<void>;
  #pid: number;
  #restarted: ChildProcess | undefined;

  constructor(pid: number, command: string[], ready: () => Promise<void>) {
    this.#pid = pid;
    this.#command = command;
    this.#ready = ready;
  }

  /** The command line a process was started with (a server that renames itself, as Redis does, must be given its own). */
  static commandOf(pid: number): string[] {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  }

  /** Kills the server at once and waits until it is gone. */
  async kill(): Promise<void> {
    process.kill(this.#pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(this.#pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Starts the same command again and waits until it answers. */
  async restart(): Promise<void> {
    const [binary, ...args] = this.#command;
    this.#restarted = spawn(binary, args, { stdio: 'ignore' });
    this.#pid = this.#restarted.pid!;
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await this.#ready();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** Stops a restarted server; the first one is stopped by whoever started it. */
  async stop(): Promise<void> {
    const child = this.#restarted;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}
