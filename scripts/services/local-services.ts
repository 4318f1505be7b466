import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startLocalMongo } from './mongo-server';
import { startLocalRedis } from './redis-server';
import type { ServiceProcess } from './service-process';

/** Where govflow's store and queue live: configured URIs, or servers started here. */
export interface LocalServices {
  mongodbUri: string;
  redisUrl: string;
  /** The servers this module started, in start order; empty when every URI was configured. */
  processes: ServiceProcess[];
  /** Stops the servers this module started; configured ones are left alone. */
  stop(): Promise<void>;
}

export interface LocalServicesOptions {
  /** Folder for data and logs of started servers. */
  dataDir: string;
  /** Keep Redis data across restarts (the embedded default does; tests don't). Default true. */
  persistRedis?: boolean;
}

/** The project folder: the nearest one above this file holding package.json (source or dist). */
export const projectRoot = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * Used by `npm start` (embedded default) and jest's global setup: takes MONGODB_URI and
 * REDIS_URL when set, otherwise starts servers on free loopback ports and waits until they answer.
 */
export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  mkdirSync(options.dataDir, { recursive: true });
  const started: ServiceProcess[] = [];
  try {
    let mongodbUri = process.env.MONGODB_URI;
    if (!mongodbUri) {
      const mongo = await startLocalMongo(projectRoot, options.dataDir);
      started.push(...mongo.processes);
      mongodbUri = mongo.uri;
    }
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      const redis = await startLocalRedis(options.dataDir, options.persistRedis ?? true);
      started.push(redis.process);
      redisUrl = redis.url;
    }
    return { mongodbUri, redisUrl, processes: started, stop: () => stopAll(started) };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** Stops the servers last started first: FerretDB before the PostgreSQL it is connected to. */
async function stopAll(started: ServiceProcess[]): Promise<void> {
  for (const service of [...started].reverse()) await service.stop();
}
