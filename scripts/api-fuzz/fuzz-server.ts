import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../api';
import { seedDemo } from '../../cli/demo-seed';
import { createLogger, demoAccountOf, Govflow, type GovflowOptions, type Role } from '../../engine';
import type { LocalServices } from '../services';
import { projectRoot } from '../services';

/** A throwaway API node to fuzz: a database and queues of its own, the demo users, processes and cases. */
export interface FuzzServer {
  /** Where the API answers, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A bearer token of the demo user named after each role, all issued before any fuzzing. */
  tokens: ReadonlyMap<Role, string>;
  /** Stops the node and drops its database and queues. */
  close(): Promise<void>;
}

/**
 * Nothing fuzzing does here can fail a later request falsely: the tokens exist before the first
 * request (a locked or changed account cannot keep a role out), schemathesis knows no ids of the
 * demo data (the document has no links, so a path id is a random string that names nothing), and
 * what it can change for everyone — a new model version, a calendar year, a user refused — leaves
 * every answer one the document describes (a refused token is a documented 401). Errors go to stderr.
 */
export async function startFuzzServer(services: LocalServices, roles: readonly Role[]): Promise<FuzzServer> {
  const suffix = `fuzz_${randomBytes(4).toString('hex')}`;
  const options: GovflowOptions = { mongodbUri: services.mongodbUri, redisUrl: services.redisUrl, dbName: suffix, queuePrefix: suffix, logger: createLogger('api-fuzz', 2) };
  const govflow = await Govflow.create(options);
  try {
    await seedDemo(govflow, options);
    const app = createApp(govflow, { jwtSecret: randomBytes(32).toString('hex'), webRoot: join(projectRoot, 'modeler', 'dist') });
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      tokens: new Map(await Promise.all(roles.map(async (role) => [role, await signIn(url, demoAccountOf(role))] as const))),
      async close() {
        await new Promise((resolve) => server.close(resolve));
        await govflow.deadlines.queue.obliterate({ force: true });
        await govflow.store.connection.dropDatabase();
        await govflow.close();
      },
    };
  } catch (error) {
    await govflow.close();
    throw error;
  }
}

/** Every demo account's password is `demo` (DESIGN.md); each role has one (demoAccountOf). */
async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!response.ok) throw new Error(`sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
