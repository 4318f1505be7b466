import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { Redis } from 'ioredis';
import { projectRoot, startLocalServices } from '../scripts/services';

/** Where a CLI command finds MongoDB and Redis, and how to let go of them. */
export interface Connection {
  mongodbUri: string;
  redisUrl: string;
  /** Stops servers this command started itself; a no-op otherwise. */
  release(): Promise<void>;
}

const stateDir = join(projectRoot, '.govflow');
const servicesFile = join(stateDir, 'services.json');

/**
 * MONGODB_URI and REDIS_URL when set; else the servers a running `npm start` announced in
 * .govflow/services.json; else local servers started now on the same data folder.
 */
export async function connect(): Promise<Connection> {
  const { MONGODB_URI: mongodbUri, REDIS_URL: redisUrl } = process.env;
  if (mongodbUri && redisUrl) return { mongodbUri, redisUrl, release: async () => undefined };
  const announced = await runningEmbeddedServices();
  if (announced) return { ...announced, release: async () => undefined };
  const services = await startLocalServices({ dataDir: join(stateDir, 'data') });
  return { mongodbUri: services.mongodbUri, redisUrl: services.redisUrl, release: () => services.stop() };
}

/** Called by `govflow start`: tells later CLI commands where the embedded servers listen. */
export function announceServices(services: { mongodbUri: string; redisUrl: string }): () => void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(servicesFile, JSON.stringify({ ...services, pid: process.pid }));
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
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
