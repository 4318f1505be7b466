import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../scripts/services/free-port';
import { isRunning, processIdentity, readIdentity } from '../../scripts/services/process-identity';
import { startEmbeddedProcess, type ServerProcess } from '../support/server-process';

const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'bin', 'govflow.js');

/**
 * `govflow start` (what `npm start` runs) on a folder of its own: its servers die with it even
 * when it is killed with SIGKILL, a second start on the same folder is refused while it runs, the
 * next start after a kill runs exactly one server of each kind there, and its files are private.
 */
describe('govflow start on its data folder', () => {
  const home = mkdtempSync(join(tmpdir(), 'govflow-home-'));
  const dataDir = join(home, 'data');
  // the embedded default: no configured servers, no configured secret
  const env = { GOVFLOW_HOME: home, MONGODB_URI: '', REDIS_URL: '', GOVFLOW_JWT_SECRET: '' };
  let current: ServerProcess | undefined;

  async function start(): Promise<ServerProcess> {
    current = await startEmbeddedProcess(await freePort(), env);
    return current;
  }
  afterAll(async () => {
    await current?.kill('SIGTERM');
  });

  it('keeps its folders 0700 and its files 0600, letting only the postgres group through as root', async () => {
    await start();
    const asRoot = process.getuid?.() === 0;
    for (const folder of [home, dataDir]) {
      const { mode, gid } = statSync(folder);
      // as root PostgreSQL runs as `postgres`, which must pass through to its cluster (private-files.ts)
      expect({ folder, mode: mode & 0o777, groupIsRoot: gid === 0 }).toEqual({ folder, mode: asRoot ? 0o710 : 0o700, groupIsRoot: !asRoot });
    }
    const files = [join(home, 'jwt-secret'), join(home, 'services.json'), ...filesUnder(dataDir, 'postgresql')];
    expect(files.filter((file) => file.endsWith('.log')).length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect({ file, mode: statSync(file).mode & 0o777 }).toEqual({ file, mode: file.endsWith('/') ? 0o700 : 0o600 });
  });

  it('refuses a second start on the same folder, naming the process that holds it', async () => {
    const owner = current!.child.pid;
    const second = await run(process.execPath, [cli, 'start', '--port', String(await freePort())], { env: { ...process.env, ...env } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`the data folder ${dataDir} is in use by govflow process ${owner}`);
    expect(serversOn(dataDir)).toEqual({ postgres: 1, ferretdb: 1, redis: 1 });
  });

  it('takes its servers down with it when killed with SIGKILL, and the next start runs one of each', async () => {
    const servers = ['postgres', 'ferretdb', 'redis'].map((name) => readIdentity(join(dataDir, `${name}.pid`))!);
    await current!.kill('SIGKILL');
    const deadline = Date.now() + 5_000;
    while (servers.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(servers.filter(isRunning)).toEqual([]);
    expect(processesOn(dataDir)).toEqual([]);

    await start();
    expect(serversOn(dataDir)).toEqual({ postgres: 1, ferretdb: 1, redis: 1 });
    await current!.kill('SIGTERM');
    expect(processesOn(dataDir)).toEqual([]);
  }, 120_000);

  it('stops a server a dead owner left behind before it takes the folder over', async () => {
    // a lock of a govflow that has exited, and a pid file naming a process still running
    const dead = spawn('true');
    const deadIdentity = processIdentity(dead.pid!);
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(join(dataDir, 'govflow.lock'), JSON.stringify(deadIdentity));
    const leftover = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
    leftover.unref();
    const left = processIdentity(leftover.pid!);
    writeFileSync(join(dataDir, 'redis.pid'), JSON.stringify({ ...left, stopSignal: 'SIGTERM' }));

    await start();
    expect(isRunning(left)).toBe(false);
    expect(serversOn(dataDir)).toEqual({ postgres: 1, ferretdb: 1, redis: 1 });
  }, 120_000);
});

/** Every file under `dir` (folders end in "/"), leaving out one entry PostgreSQL keeps itself. */
function filesUnder(dir: string, except: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== except)
    .flatMap((entry) => (entry.isDirectory() ? [`${join(dir, entry.name)}/`, ...filesUnder(join(dir, entry.name), '')] : [join(dir, entry.name)]));
}

interface ProcessView {
  pid: number;
  argv: string[];
  cwd: string;
}

/** The living processes of this machine, as /proc shows them (zombies have no command line). */
function processes(): ProcessView[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return argv.length > 0 ? [{ pid: Number(name), argv, cwd: readlinkSync(`/proc/${name}/cwd`) }] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** Processes whose command line names the folder or that work inside it (Redis renames itself, but works in its folder). */
function processesOn(dataDir: string): number[] {
  return processes()
    .filter(({ argv, cwd }) => argv.some((arg) => arg.includes(dataDir)) || `${cwd}/`.startsWith(`${dataDir}/`))
    .map(({ pid }) => pid);
}

/** How many servers of each kind serve the folder: PostgreSQL's postmaster, FerretDB, Redis. */
function serversOn(dataDir: string): Record<'postgres' | 'ferretdb' | 'redis', number> {
  const all = processes();
  return {
    postgres: all.filter(({ argv }) => argv.includes(join(dataDir, 'postgresql'))).length,
    ferretdb: all.filter(({ argv }) => argv.includes(`--state-dir=${join(dataDir, 'ferretdb')}`)).length,
    redis: all.filter(({ argv, cwd }) => argv[0].includes('redis-server') && cwd === join(dataDir, 'redis')).length,
  };
}
