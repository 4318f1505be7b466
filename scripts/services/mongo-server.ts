import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { findBinary } from './find-binary';
import { freePort } from './free-port';
import { MissingPrerequisiteError } from './missing-prerequisite-error';
import { startLocalPostgres } from './postgres-server';
import { privateFolder } from './private-files';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** A MongoDB-protocol server started locally: `mongod` when installed, else FerretDB on PostgreSQL. */
export interface LocalMongo {
  uri: string;
  /** The servers behind it, in the order they were started. */
  processes: ServiceProcess[];
}

/**
 * Starts `mongod`, or FerretDB on a private PostgreSQL cluster, on a free loopback port with its
 * data under `dataDir` (inside govflow's `privateRoot`). Builds the patched FerretDB once
 * (scripts/install-ferretdb.sh) when neither is present but Go is.
 */
export async function startLocalMongo(projectRoot: string, dataDir: string, privateRoot: string): Promise<LocalMongo> {
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  const ready = () => ping(uri);
  const mongod = findBinary('mongod');
  if (mongod) {
    const dir = join(dataDir, 'mongod');
    privateFolder(dir);
    const args = ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'];
    return { uri, processes: [await startServiceProcess('mongod', mongod, args, join(dataDir, 'mongod.log'), ready, { pidFile: join(dataDir, 'mongod.pid') })] };
  }
  const ferretdb = ferretdbBinary(projectRoot);
  const dir = join(dataDir, 'ferretdb');
  warnOfSqliteStore(dir);
  const postgres = await startLocalPostgres(dataDir, privateRoot);
  try {
    const args = ferretdbArgs(['--handler=postgresql', `--postgresql-url=${postgres.url}`], port, dir);
    return { uri, processes: [postgres.process, await startServiceProcess('ferretdb', ferretdb, args, join(dataDir, 'ferretdb.log'), ready, { pidFile: join(dataDir, 'ferretdb.pid') })] };
  } catch (error) {
    await postgres.process.stop();
    throw error;
  }
}

/**
 * An earlier govflow kept the embedded store in FerretDB on SQLite, in this same folder. Its
 * data is not read any more, and not deleted either: the operator is told how to bring it over.
 */
function warnOfSqliteStore(dir: string): void {
  if (!existsSync(dir) || !readdirSync(dir).some((name) => name.endsWith('.sqlite'))) return;
  process.stderr.write(
    `govflow: ${dir} holds the embedded store of an earlier govflow (FerretDB on SQLite), which is no longer read: ` +
      'the embedded store is FerretDB on PostgreSQL now. Bring its cases over with `npx govflow store import-sqlite`.\n',
  );
}

/** Starts FerretDB on the SQLite files an earlier govflow left in `folder`, for `govflow store import-sqlite` to read. */
export async function startSqliteStore(projectRoot: string, folder: string, logDir: string): Promise<{ uri: string; process: ServiceProcess }> {
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  const args = ferretdbArgs(['--handler=sqlite', `--sqlite-url=file:${folder}/`], port, join(logDir, 'ferretdb-sqlite'));
  return { uri, process: await startServiceProcess('ferretdb (sqlite)', ferretdbBinary(projectRoot), args, join(logDir, 'ferretdb-sqlite.log'), () => ping(uri)) };
}

/** FerretDB's arguments after its backend's: loopback only, no debug listener, telemetry off; makes its state folder. */
function ferretdbArgs(backend: string[], port: number, stateDir: string): string[] {
  privateFolder(stateDir);
  return [...backend, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', `--state-dir=${stateDir}`, '--telemetry=disable', '--log-level=warn'];
}

/** The patched FerretDB, built on first use; a binary built without the current patch is rebuilt. */
function ferretdbBinary(projectRoot: string): string {
  if (process.env.FERRETDB_BIN) return process.env.FERRETDB_BIN;
  if (!findBinary('go')) {
    const built = findBinary('ferretdb', [join(projectRoot, '.govflow', 'bin', 'ferretdb')]);
    if (built) return built;
    throw new MissingPrerequisiteError(
      'govflow needs a MongoDB-protocol server and found none. Set MONGODB_URI to a running MongoDB, ' +
        'or put `mongod` on PATH, or install Go 1.22+ so govflow can build FerretDB v1.24.2 ' +
        '(scripts/install-ferretdb.sh, a one-time build into .govflow/bin).',
    );
  }
  execFileSync('bash', [join(projectRoot, 'scripts', 'install-ferretdb.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return join(projectRoot, '.govflow', 'bin', 'ferretdb');
}

async function ping(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
