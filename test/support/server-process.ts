import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A `govflow serve`, `worker` or `start` in a process of its own, for crash tests; needs `npm run build` first. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const cli = join(__dirname, '..', '..', 'bin', 'govflow.js');

/** An API node on `port`; resolves once /readyz answers. */
export async function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  return launch(['serve', '--port', String(port)], { ...env, GOVFLOW_LOG_LEVEL: 'warn' }, url, () => fetch(`${url}/readyz`).then((response) => response.ok, () => false));
}

/** The embedded default (`govflow start`: its own servers, an API node and a worker) on `port`; resolves once /readyz answers. */
export async function startEmbeddedProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  return launch(['start', '--port', String(port)], { ...env, GOVFLOW_LOG_LEVEL: 'warn' }, url, () => fetch(`${url}/readyz`).then((response) => response.ok, () => false), 90_000);
}

/** A worker; resolves once it reports its queues running. */
export function startWorkerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return launch(['worker'], { ...env, GOVFLOW_LOG_LEVEL: 'info' }, '', async (output) => output.includes('worker running'));
}

async function launch(args: string[], env: Record<string, string>, url: string, ready: (output: string) => Promise<boolean>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`govflow ${args[0]} exited with ${child.exitCode}: ${output}`);
    if (await ready(output)) break;
    if (Date.now() > deadline) throw new Error(`govflow ${args[0]} did not become ready: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
