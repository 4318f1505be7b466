import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { Redis } from 'ioredis';
import { privateFolder, projectRoot, startLocalServices, writePrivateFile, type LocalServices } from '../scripts/services';

/** Where a CLI command finds MongoDB and Redis, and how to let go of them. */
export interface Connection {
  mongodbUri: string;
  redisUrl: string;
  /** Stops servers this command started itself; a no-op otherwise. */
  release(): Promise<void>;
}

/** govflow's local state: the embedded servers' data, the local JWT secret, where `start` announces its servers. */
const stateDir = process.env.GOVFLOW_HOME ?? join(projectRoot, '.govflow');
const servicesFile = join(stateDir, 'services.json');
/** The embedded servers' data folder. */
export const embeddedDataDir = join(stateDir, 'data');

/**
 * MONGODB_URI and REDIS_URL when set; else the servers a running `npm start` announced in
 * .govflow/services.json; else local servers started now on the same data folder.
 */
export async function connect(): Promise<Connection> {
  const { MONGODB_URI: mongodbUri, REDIS_URL: redisUrl } = process.env;
  if (mongodbUri && redisUrl) return { mongodbUri, redisUrl, release: async () => undefined };
  const announced = await runningEmbeddedServices();
  if (announced) return { ...announced, release: async () => undefined };
  const services = await startEmbeddedServices();
  return { mongodbUri: services.mongodbUri, redisUrl: services.redisUrl, release: () => services.stop() };
}

/** The embedded default's servers, on `.govflow/data` (refused while another govflow runs them: DataFolderInUseError). */
export function startEmbeddedServices(): Promise<LocalServices> {
  privateFolder(stateDir);
  return startLocalServices({ dataDir: embeddedDataDir, privateRoot: stateDir });
}

/** Called by `govflow start`: tells later CLI commands where the embedded servers listen. */
export function announceServices(services: { mongodbUri: string; redisUrl: string }): () => void {
  privateFolder(stateDir);
  writePrivateFile(servicesFile, JSON.stringify({ ...services, pid: process.pid }));
  return () => rmSync(servicesFile, { force: true });
}

async function runningEmbeddedServices(): Promise<{ mongodbUri: string; redisUrl: string } | undefined> {
  if (!existsSync(servicesFile)) return undefined;
  const announced = JSON.parse(readFileSync(servicesFile, 'utf8')) as { mongodbUri: string; redisUrl: string };
  const mongo = new MongoClient(announced.mongodbUri, { serverSelectionTimeoutMS: 1_000 });
  const redis = new Redis(announced.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined); // failures surface through connect()
  try {
    await mongo.db('admin').command({ ping: 1 });
    await redis.connect();
    return announced;
  } catch {
    return undefined;
  } finally {
    await mongo.close();
    redis.disconnect();
  }
}

/**
 * GOVFLOW_JWT_SECRET when set. Otherwise a random secret kept in .govflow/jwt-secret, so the
 * embedded default and the CLI on this machine agree; production sets the variable.
 */
export function jwtSecret(): string {
  if (process.env.GOVFLOW_JWT_SECRET) return process.env.GOVFLOW_JWT_SECRET;
  const file = join(stateDir, 'jwt-secret');
  privateFolder(stateDir);
  if (existsSync(file)) chmodSync(file, 0o600); // an older govflow's may be readable by others
  else writePrivateFile(file, randomBytes(48).toString('base64url'));
  return readFileSync(file, 'utf8').trim();
}
