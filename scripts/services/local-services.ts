import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { stopLeftoverServers } from './leftover-servers';
import { startLocalMongo } from './mongo-server';
import { privateTree } from './private-files';
import { startLocalRedis } from './redis-server';
import type { ServiceProcess } from './service-process';

/** Where govflow's store and queue live: configured URIs, or servers started here. */
export interface LocalServices {
  mongodbUri: string;
  redisUrl: string;
  /** The servers this module started, in start order; empty when every URI was configured. */
  processes: ServiceProcess[];
  /** Stops the servers this module started and lets go of the data folder; configured ones are left alone. */
  stop(): Promise<void>;
}

export interface LocalServicesOptions {
  /** Folder for data and logs of started servers. */
  dataDir: string;
  /** Keep Redis data across restarts (the embedded default does; tests don't). Default true. */
  persistRedis?: boolean;
  /**
   * The outermost private folder govflow made around `dataDir` (the CLI's `.govflow`): as root,
   * the folders from `dataDir` up to it let PostgreSQL's user through. Default `dataDir`.
   */
  privateRoot?: string;
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
 * Used by `npm start` (embedded default), CLI commands run without it, and jest's global setup:
 * takes MONGODB_URI and REDIS_URL when set, otherwise starts servers on free loopback ports and
 * waits until they answer. Servers run on a data folder only while its lock is held (never two
 * on one folder: DataFolderInUseError); the folder is kept private (private-files.ts).
 */
export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const { dataDir } = options;
  // PostgreSQL keeps its own cluster folder private (0700, files 0600) and it may be the postgres user's
  privateTree(dataDir, 'postgresql');
  let mongodbUri = process.env.MONGODB_URI;
  let redisUrl = process.env.REDIS_URL;
  if (mongodbUri && redisUrl) return { mongodbUri, redisUrl, processes: [], stop: async () => undefined };
  const lock = await lockDataFolder(dataDir, () => stopLeftoverServers(dataDir));
  const started: ServiceProcess[] = [];
  try {
    if (!mongodbUri) {
      const mongo = await startLocalMongo(projectRoot, dataDir, options.privateRoot ?? dataDir);
      started.push(...mongo.processes);
      mongodbUri = mongo.uri;
    }
    if (!redisUrl) {
      const redis = await startLocalRedis(dataDir, options.persistRedis ?? true);
      started.push(redis.process);
      redisUrl = redis.url;
    }
    return { mongodbUri, redisUrl, processes: started, stop: () => stopAll(started, lock) };
  } catch (error) {
    await stopAll(started, lock);
    throw error;
  }
}

/** Stops the servers last started first (FerretDB before the PostgreSQL it is connected to), then frees the folder. */
async function stopAll(started: ServiceProcess[], lock: DataFolderLock): Promise<void> {
  for (const service of [...started].reverse()) await service.stop();
  lock.release();
}
