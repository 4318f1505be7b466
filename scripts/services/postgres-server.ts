import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBinary } from './find-binary';
import { freePort } from './free-port';
import { MissingPrerequisiteError } from './missing-prerequisite-error';
import { grantTraversal } from './private-files';
import { startServiceProcess, type RunAs, type ServiceProcess } from './service-process';

/** A private PostgreSQL cluster on loopback, the backend of the embedded FerretDB. */
export interface LocalPostgres {
  /** The cluster's `postgres` database, for FerretDB's `--postgresql-url`. */
  url: string;
  process: ServiceProcess;
}

/**
 * Server settings of the private cluster. FerretDB passes field names to its prepared
 * statements as parameters: only a plan made with the values known matches the expression
 * indexes (scripts/ferretdb/README.md). Loopback only, no Unix socket; JIT off, since it only
 * adds latency to the small queries govflow makes.
 */
const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'plan_cache_mode=force_custom_plan', 'jit=off', 'log_min_messages=warning', 'log_checkpoints=off'];

/**
 * Starts PostgreSQL on a free loopback port with its cluster in `dataDir/postgresql`, made by
 * initdb the first time (trust authentication on loopback, like the local Redis). PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user Debian's package creates,
 * let through the folders from `dataDir` up to `privateRoot` (private-files.ts).
 */
export async function startLocalPostgres(dataDir: string, privateRoot: string): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  const runAs = process.getuid?.() === 0 ? systemUser('postgres') : undefined;
  const cluster = join(dataDir, 'postgresql');
  if (runAs) letThrough(cluster, privateRoot, runAs);
  if (!existsSync(join(cluster, 'PG_VERSION'))) initCluster(bin, cluster, runAs);
  const port = await freePort();
  const args = ['-D', cluster, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])];
  const ready = async () => {
    if (!isAccepting(cluster, port)) throw new Error('PostgreSQL is not accepting connections yet');
  };
  const server = await startServiceProcess('postgres', join(bin, 'postgres'), args, join(dataDir, 'postgresql.log'), ready, {
    runAs,
    stopSignal: 'SIGINT', // fast shutdown: clients are disconnected, the cluster is left clean
    pidFile: join(dataDir, 'postgres.pid'),
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, process: server };
}

function letThrough(cluster: string, privateRoot: string, runAs: RunAs): void {
  const closed = grantTraversal(cluster, privateRoot, runAs.uid, runAs.gid);
  if (closed) {
    throw new MissingPrerequisiteError(
      `PostgreSQL runs as the postgres user, who cannot pass through ${closed} to reach its cluster in ${cluster}: ` +
        'let it through (e.g. `chmod o+x` on that folder), keep govflow in another folder, or run govflow as another user than root.',
    );
  }
}

function initCluster(bin: string, cluster: string, runAs: RunAs | undefined): void {
  mkdirSync(cluster, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(cluster, runAs.uid, runAs.gid);
  const args = ['-D', cluster, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'];
  try {
    execFileSync(join(bin, 'initdb'), args, { stdio: 'pipe', ...runAs });
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`initdb could not create the store's PostgreSQL cluster in ${cluster}: ${output.trim()}`, { cause: error });
  }
}

/**
 * The folder of PostgreSQL's server programs: PG_BIN, else Debian's newest
 * /usr/lib/postgresql/<version>/bin, else wherever `postgres` is on PATH.
 */
function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(debian, version, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (found) return found;
  const onPath = findBinary('postgres');
  if (onPath && findBinary('initdb')) return join(onPath, '..');
  throw new MissingPrerequisiteError(
    'govflow keeps its embedded store in a private PostgreSQL cluster and found no PostgreSQL. Install it ' +
      '(Debian/Ubuntu: `sudo apt-get install postgresql`; only its programs are used, not its system service), ' +
      'set PG_BIN to the folder holding `postgres` and `initdb`, or set MONGODB_URI to a running MongoDB.',
  );
}

/** PostgreSQL records in postmaster.pid when it accepts connections (its 8th line reads "ready"). */
function isAccepting(cluster: string, port: number): boolean {
  try {
    const lines = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n');
    return lines[3]?.trim() === String(port) && lines[7]?.trim() === 'ready';
  } catch {
    return false;
  }
}

/** The uid and gid of a system user, read from /etc/passwd. */
function systemUser(name: string): RunAs {
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === name);
  if (!entry) {
    throw new MissingPrerequisiteError(`PostgreSQL does not run as root and there is no "${name}" user to run it as: install Debian's postgresql package (it creates the user), or run govflow as another user.`);
  }
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}
