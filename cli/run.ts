import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from '../api';
import type { OidcOptions } from '../api/auth/oidc-sign-in';
import { DeadlineWorker, Govflow, MaintenanceWorker, type GovflowOptions, type Logger } from '../engine';
import { projectRoot } from '../scripts/services';
import { jwtSecret, type Connection } from './connection';
import { seedDemo } from './demo-seed';

export interface RunOptions {
  api: boolean;
  worker: boolean;
  port: number;
  host: string;
}

/**
 * Runs an API node, a worker, or both in one process, on an open connection; resolves to a
 * stop function. Called by `govflow serve`, `govflow worker` and `govflow start`.
 */
export async function run(connection: Connection, options: RunOptions): Promise<() => Promise<void>> {
  const govflowOptions: GovflowOptions = {
    mongodbUri: connection.mongodbUri,
    redisUrl: connection.redisUrl,
    allowScripts: process.env.GOVFLOW_ALLOW_SCRIPTS === '1',
    queuePrefix: process.env.GOVFLOW_QUEUE_PREFIX,
    fileMaxBytes: megabytesOf(process.env.GOVFLOW_FILE_MAX_MB),
    ratingFollowUpLimit: process.env.GOVFLOW_RATING_FOLLOW_UP_LIMIT,
  };
  const govflow = await Govflow.create(govflowOptions);
  const stops: Array<() => Promise<void>> = [];
  if (process.env.GOVFLOW_DEMO === '1') await seedDemo(govflow, govflowOptions);
  const repaired = await govflow.executor.repair({ olderThanMs: 0 });
  if (repaired > 0) govflow.log.info({ repaired }, 'applied outboxes left by an earlier crash');
  if (options.worker) {
    const scheduled = await govflow.reconcileDeadlines();
    const maintenance = await MaintenanceWorker.start(govflow);
    const deadlines = DeadlineWorker.start(govflow);
    stops.push(() => maintenance.close(), () => deadlines.close());
    govflow.log.info({ deadlines: scheduled }, 'worker running; deadline jobs reconciled');
  }
  if (options.api) {
    const server = await listen(createServer(createApp(govflow, { jwtSecret: jwtSecret(), ...sessionLifetimes(), ...identityProvider(), webRoot: join(projectRoot, 'modeler', 'dist') }).callback()), options, govflow.log);
    stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
    await govflow.close();
    await connection.release();
  };
}

/** GOVFLOW_FILE_MAX_MB as bytes, when set; the engine's default otherwise. */
function megabytesOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error('GOVFLOW_FILE_MAX_MB must be a whole number of megabytes');
  return Number(value) * 1024 * 1024;
}

/** GOVFLOW_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _REDIRECT_URI (all or none), and _LABEL: the OpenID provider people may sign in through. */
function identityProvider(): { oidc?: OidcOptions } {
  const names = ['GOVFLOW_OIDC_ISSUER', 'GOVFLOW_OIDC_CLIENT_ID', 'GOVFLOW_OIDC_CLIENT_SECRET', 'GOVFLOW_OIDC_REDIRECT_URI'] as const;
  const [issuer, clientId, clientSecret, redirectUri] = names.map((name) => process.env[name]);
  if (!issuer && !clientId && !clientSecret && !redirectUri) return {};
  if (!issuer || !clientId || !clientSecret || !redirectUri) throw new Error(`set all of ${names.join(', ')} to sign in through an OpenID provider, or none`);
  return { oidc: { issuer, clientId, clientSecret, redirectUri, ...(process.env.GOVFLOW_OIDC_LABEL ? { label: process.env.GOVFLOW_OIDC_LABEL } : {}) } };
}

/** GOVFLOW_ACCESS_TOKEN_TTL and GOVFLOW_REFRESH_TOKEN_TTL, in seconds, when set; the API's defaults otherwise. */
function sessionLifetimes(): { accessTokenTtlSeconds?: number; refreshTokenTtlSeconds?: number } {
  const seconds = (name: string) => {
    const value = process.env[name];
    if (value === undefined) return undefined;
    if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a whole number of seconds`);
    return Number(value);
  };
  return { accessTokenTtlSeconds: seconds('GOVFLOW_ACCESS_TOKEN_TTL'), refreshTokenTtlSeconds: seconds('GOVFLOW_REFRESH_TOKEN_TTL') };
}

function listen(server: Server, options: RunOptions, log: Logger): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      log.info(`govflow API on http://${options.host}:${options.port} (OpenAPI at /api/openapi.json)`);
      resolve(server);
    });
  });
}

/** Stops cleanly on Ctrl-C or SIGTERM. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
