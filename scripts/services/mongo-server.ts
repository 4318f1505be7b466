import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { findBinary } from './find-binary';
import { freePort } from './free-port';
import { MissingPrerequisiteError } from './missing-prerequisite-error';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** A MongoDB-protocol server started locally: `mongod` when installed, else FerretDB on SQLite. */
export interface LocalMongo {
  uri: string;
  process: ServiceProcess;
}

/**
 * Starts `mongod` or FerretDB on a free loopback port with its data under `dataDir`.
 * Builds FerretDB once (scripts/install-ferretdb.sh) when neither is present but Go is.
 */
export async function startLocalMongo(projectRoot: string, dataDir: string): Promise<LocalMongo> {
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  const ready = () => ping(uri);
  const mongod = findBinary('mongod');
  if (mongod) {
    const dir = join(dataDir, 'mongod');
    mkdirSync(dir, { recursive: true });
    const args = ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'];
    return { uri, process: await startServiceProcess('mongod', mongod, args, join(dataDir, 'mongod.log'), ready) };
  }
  const ferretdb = ferretdbBinary(projectRoot);
  const dir = join(dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    `--state-dir=${dir}`,
    '--telemetry=disable',
    '--log-level=warn',
  ];
  return { uri, process: await startServiceProcess('ferretdb', ferretdb, args, join(dataDir, 'ferretdb.log'), ready) };
}

function ferretdbBinary(projectRoot: string): string {
  const local = join(projectRoot, '.govflow', 'bin', 'ferretdb');
  const found = findBinary('ferretdb', [process.env.FERRETDB_BIN ?? '', local].filter(Boolean));
  if (found) return found;
  if (!findBinary('go')) {
    throw new MissingPrerequisiteError(
      'govflow needs a MongoDB-protocol server and found none. Set MONGODB_URI to a running MongoDB, ' +
        'or put `mongod` on PATH, or install Go 1.22+ so govflow can build FerretDB v1.24.2 ' +
        '(scripts/install-ferretdb.sh, a one-time build into .govflow/bin).',
    );
  }
  execFileSync('bash', [join(projectRoot, 'scripts', 'install-ferretdb.sh')], { stdio: 'inherit' });
  return local;
}

async function ping(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
