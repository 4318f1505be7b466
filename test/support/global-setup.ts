import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServices } from '../../scripts/services';

/**
 * Starts one MongoDB-protocol server and one Redis for the whole run (unless MONGODB_URI and
 * REDIS_URL are set); each test file then uses its own database and queue prefix.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govflow-test-'));
  const services = await startLocalServices({ dataDir, persistRedis: false });
  process.env.MONGODB_URI = services.mongodbUri;
  process.env.REDIS_URL = services.redisUrl;
  process.env.GOVFLOW_JWT_SECRET ??= 'test-secret-of-at-least-thirty-two-characters';
  process.env.GOVFLOW_LOG_LEVEL ??= 'warn';
  (globalThis as { govflowServices?: typeof services }).govflowServices = services;
}
