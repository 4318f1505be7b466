import { join } from 'node:path';
import { Redis } from 'ioredis';
import { findBinary } from './find-binary';
import { freePort } from './free-port';
import { MissingPrerequisiteError } from './missing-prerequisite-error';
import { privateFolder } from './private-files';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** A `redis-server` started locally on loopback. */
export interface LocalRedis {
  url: string;
  process: ServiceProcess;
}

/** Starts `redis-server` on a free loopback port; `persist` keeps an append-only file under `dataDir`. */
export async function startLocalRedis(dataDir: string, persist: boolean): Promise<LocalRedis> {
  const binary = findBinary('redis-server');
  if (!binary) {
    throw new MissingPrerequisiteError(
      'govflow needs Redis and found no `redis-server` on PATH. Set REDIS_URL to a running Redis, ' +
        'or install it (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`).',
    );
  }
  const port = await freePort();
  const dir = join(dataDir, 'redis');
  privateFolder(dir);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push('--appendonly', persist ? 'yes' : 'no');
  const url = `redis://127.0.0.1:${port}`;
  const ready = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // failures surface through connect()
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  };
  return { url, process: await startServiceProcess('redis-server', binary, args, join(dataDir, 'redis.log'), ready, { pidFile: join(dataDir, 'redis.pid') }) };
}
