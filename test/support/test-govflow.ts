import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createApp, type ApiOptions } from '../../api';
import { createLogger, Govflow, systemActor, type GovflowOptions, type NewUser } from '../../engine';

/** A Govflow on the run's servers, with a database and queue prefix of its own. */
export async function createTestGovflow(options: Partial<GovflowOptions> = {}): Promise<Govflow> {
  const suffix = randomBytes(4).toString('hex');
  return Govflow.create({
    mongodbUri: required('MONGODB_URI'),
    redisUrl: required('REDIS_URL'),
    dbName: `test_${suffix}`,
    queuePrefix: `test_${suffix}`,
    logger: createLogger('test', 2),
    ...options,
  });
}

/** The password of every test user: their name and a fixed tail, strong enough for the password policy. */
export function passwordOf(username: string): string {
  return `${username}-Tq8#vLz2`;
}

/** The users every API suite works with; each password is passwordOf(name). */
export const testUsers: NewUser[] = [
  { username: 'admin', password: passwordOf('admin'), roles: ['admin'] },
  { username: 'designer', password: passwordOf('designer'), roles: ['designer'] },
  { username: 'applicant', name: '李明', password: passwordOf('applicant'), roles: ['applicant'] },
  { username: 'other-applicant', password: passwordOf('other-applicant'), roles: ['applicant'] },
  { username: 'clerk', name: '张伟', password: passwordOf('clerk'), roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau', 'licensing-section@market-bureau'] },
  { username: 'clerk2', name: '刘洋', password: passwordOf('clerk2'), roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] },
  { username: 'outsider', password: passwordOf('outsider'), roles: ['clerk'], department: 'tax-bureau', groups: ['window@tax-bureau'] },
  { username: 'leader', name: '郑国强', password: passwordOf('leader'), roles: ['leader'], department: 'market-bureau', groups: ['leader@market-bureau'] },
  { username: 'supervisor', name: '林海', password: passwordOf('supervisor'), roles: ['supervisor'], department: 'supervision-office' },
];

/** A shipped process or a test fixture, as XML. */
export function bpmn(path: string): string {
  const file = path.includes('/') ? path : join(__dirname, '..', '..', 'processes', path);
  return readFileSync(file, 'utf8');
}

export interface TestApi {
  govflow: Govflow;
  url: string;
  /** Calls the API as `user` (a token is fetched once per user); `undefined` calls anonymously. */
  call(user: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Uploads one file as `user` (multipart, POST /api/files); `query` names a service's material, e.g. `?service=…&material=…`. */
  upload(user: string | undefined, bytes: Buffer, name: string, type?: string, query?: string): Promise<ApiResponse>;
  /** Issues client credentials of the system role for `clientId`; `call(clientId, …)` then signs in with its secret. */
  addClient(clientId: string, topics: string[]): Promise<void>;
  close(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  type: string;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read any shape
}

/** How a test API node differs: API options (token lifetimes, account cache) and, for a second node on a seeded database, `seed: false`. */
export interface TestApiOptions extends Partial<ApiOptions> {
  seed?: boolean;
  /** The port to listen on; default a free one. */
  port?: number;
}

/**
 * A real HTTP server on a free port over a fresh database (or `options.dbName`'s), seeded with
 * testUsers and the shipped general-approval process unless `node.seed` is false.
 */
export async function startTestApi(options: Partial<GovflowOptions> = {}, node: TestApiOptions = {}): Promise<TestApi> {
  const { seed = true, port = 0, ...apiOptions } = node;
  const govflow = await createTestGovflow(options);
  if (seed) {
    for (const user of testUsers) await govflow.users.add(user);
    await govflow.definitions.deploy(bpmn('general-approval.bpmn'), systemActor);
  }
  const server: Server = createServer(createApp(govflow, { jwtSecret: required('GOVFLOW_JWT_SECRET'), webRoot: join(__dirname, '..', '..', 'modeler', 'dist'), ...apiOptions }).callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const secrets = new Map<string, string>();

  async function call(user: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const auth: Record<string, string> = user ? { authorization: `Bearer ${await token(user)}` } : {};
    const isText = typeof body === 'string';
    // FormData sets its own multipart type, with the boundary
    const isForm = body instanceof FormData;
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined || isForm ? {} : { 'content-type': isText ? 'application/xml' : 'application/json' }), ...headers },
      body: body === undefined ? undefined : isText || isForm ? body : JSON.stringify(body),
      // a request the server never answers fails its test here, not at jest's timeout
      signal: AbortSignal.timeout(30_000),
    });
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return { status: response.status, type, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
  }

  async function token(user: string): Promise<string> {
    let value = tokens.get(user);
    if (!value) {
      const response = await call(undefined, 'POST', '/api/auth/token', { username: user, password: secrets.get(user) ?? passwordOf(user) });
      if (response.status !== 200) throw new Error(`login as ${user} failed: ${JSON.stringify(response.body)}`);
      value = response.body.token as string;
      tokens.set(user, value);
    }
    return value;
  }

  return {
    govflow,
    url,
    call,
    upload(user, bytes, name, type = 'application/pdf', query = '') {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return call(user, 'POST', `/api/files${query}`, form);
    },
    async addClient(clientId, topics) {
      secrets.set(clientId, (await govflow.clients.issue({ clientId, topics }, systemActor)).clientSecret);
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      try {
        if (seed) {
          await govflow.deadlines.queue.obliterate({ force: true });
          await govflow.store.connection.dropDatabase();
        }
      } finally {
        await govflow.close();
      }
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suites through jest (test/support/global-setup.ts)`);
  return value;
}
