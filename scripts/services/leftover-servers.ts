import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, processIdentity, readIdentity, type ProcessIdentity } from './process-identity';
import type { PidFileRecord } from './service-process';

/**
 * Stops the servers a dead govflow left running on `dataDir`: those its pid files record
 * (`<server>.pid`, see service-process.ts), and a PostgreSQL whose own postmaster.pid names a
 * live postmaster of this cluster (an older govflow wrote no pid files). Each gets its clean stop
 * signal, then SIGKILL after 10 s. Called by the data folder lock before it is taken over.
 */
export async function stopLeftoverServers(dataDir: string): Promise<void> {
  const pidFiles = readdirSync(dataDir).filter((file) => file.endsWith('.pid')).map((file) => join(dataDir, file));
  const leftovers: Array<{ server: ProcessIdentity; signal: NodeJS.Signals }> = [];
  for (const file of pidFiles) {
    const record = readIdentity<PidFileRecord>(file);
    if (record && isRunning(record)) leftovers.push({ server: record, signal: record.stopSignal ?? 'SIGTERM' });
  }
  const postmaster = leftoverPostmaster(join(dataDir, 'postgresql'));
  if (postmaster && !leftovers.some(({ server }) => server.pid === postmaster.pid)) leftovers.push({ server: postmaster, signal: 'SIGINT' });
  await Promise.all(leftovers.map(({ server, signal }) => stop(server, signal)));
  for (const file of pidFiles) rmSync(file, { force: true });
}

/** The postmaster named by the first line of postmaster.pid, when it runs with this cluster on its command line. */
function leftoverPostmaster(cluster: string): ProcessIdentity | undefined {
  const file = join(cluster, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(cluster) ? processIdentity(pid) : undefined;
  } catch {
    return undefined; // not running, or no /proc to be sure it is that postmaster
  }
}

async function stop(server: ProcessIdentity, signal: NodeJS.Signals): Promise<void> {
  process.stderr.write(`govflow: stopping a server (pid ${server.pid}) that an earlier govflow left running\n`);
  signalProcess(server.pid, signal);
  const started = Date.now();
  while (isRunning(server)) {
    const waited = Date.now() - started;
    if (waited > 15_000) throw new Error(`a server an earlier govflow left running (pid ${server.pid}) does not stop: stop it, then start again`);
    if (waited > 10_000) signalProcess(server.pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}
