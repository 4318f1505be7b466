import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { Redis } from 'ioredis';
import { MaintenanceWorker, systemActor } from '../../engine';
import { wantedDeadlines } from '../../engine/deadlines';
import type { CaseHead } from '../../engine/records';
import { projectRoot } from '../../scripts/services';
import { startLocalMongo, type LocalMongo } from '../../scripts/services/mongo-server';
import { startLocalRedis, type LocalRedis } from '../../scripts/services/redis-server';
import { KillableServer } from '../support/killable-server';
import { startTestApi, type ApiResponse, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/**
 * Redis and the store killed under load, on servers of this suite's own: commands go on
 * without Redis and its jobs come back by themselves; without the store every request hears
 * 503 within 2 s, and a retry with the same Idempotency-Key has exactly one effect; a flushed
 * Redis is rebuilt without anyone asking.
 */
describe('Redis and the store failing under load', () => {
  let mongo: LocalMongo;
  let redis: LocalRedis;
  let store: KillableServer;
  let queue: KillableServer;
  let api: TestApi;
  let maintenance: MaintenanceWorker;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'govflow-faults-'));
    mongo = await startLocalMongo(projectRoot, dataDir, dataDir);
    redis = await startLocalRedis(dataDir, false);
    const ferretdb = mongo.processes.at(-1)!.pid;
    store = new KillableServer(ferretdb, KillableServer.commandOf(ferretdb), () => pingStore(mongo.uri));
    // Redis renames its process, so its command line is told; it starts again empty
    const port = new URL(redis.url).port;
    queue = new KillableServer(redis.process.pid, ['redis-server', '--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], () => pingRedis(redis.url));
    api = await startTestApi({ mongodbUri: mongo.uri, redisUrl: redis.url });
    await api.govflow.definitions.deploy(timedApproval(), systemActor);
    maintenance = await MaintenanceWorker.start(api.govflow, { repairEveryMs: 500, watchEveryMs: 300 });
  }, 120_000);

  afterAll(async () => {
    // every server is stopped even when a failed test left the store or Redis down
    const steps = [() => maintenance.close(), () => api.close(), () => queue.stop(), () => store.stop(), () => redis.process.stop(), ...[...mongo.processes].reverse().map((server) => () => server.stop())];
    const failures: unknown[] = [];
    for (const step of steps) await step().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  }, 120_000);

  /** Cases at their acceptance step, each with its clock's deadline jobs; the task ids. */
  async function openCases(count: number): Promise<Array<{ caseId: string; taskId: string }>> {
    const cases = [];
    for (let index = 0; index < count; index++) {
      const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'timed-approval', title: `故障测试 ${index}`, data: {} });
      expect(started.status).toBe(201);
      const view = await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`);
      cases.push({ caseId: started.body.id as string, taskId: view.body.currentSteps[0].taskId as string });
    }
    return cases;
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const startedAt = performance.now();
    const value = await work();
    return { value, ms: performance.now() - startedAt };
  }

  /** Until `check` holds, looking every 100 ms, for at most `ms`. */
  async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check().catch(() => false)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  /** Every deadline job the running cases' heads want is in Redis. */
  async function jobsComplete(): Promise<boolean> {
    const heads = await api.govflow.store.models.cases.find({ status: 'running' }).lean<CaseHead[]>();
    const wanted = heads.flatMap((head) => wantedDeadlines(head));
    const present = await Promise.all(wanted.map((job) => api.govflow.deadlines.queue.getJob(job.id)));
    return wanted.length > 0 && present.every(Boolean);
  }

  /** Completions in a case's history, as `node` reads it. */
  async function completions(caseId: string, node: TestApi = api): Promise<number> {
    const view = await node.call('supervisor', 'GET', `/api/cases/${caseId}`);
    return view.body.history.filter((item: { action: string }) => item.action === 'task.completed').length;
  }

  it('goes on completing tasks with Redis killed, says not ready within 2 s, and adds the jobs once Redis is back', async () => {
    const cases = await openCases(6);
    await api.call('clerk', 'GET', '/api/tasks?scope=claimable'); // signed in before the outage
    await queue.kill();

    const ready = await timed(() => fetch(`${api.url}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
    expect(await ready.value.json()).toMatchObject({ checks: { mongodb: true, redis: false } });

    const answers = await Promise.all(cases.map(({ taskId }) => timed(() => api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept' }, { 'idempotency-key': `redis-${taskId}` }))));
    expect(answers.map(({ value }) => value.status)).toEqual(cases.map(() => 200));
    // each waits at most a second for Redis before leaving its jobs in the outbox
    expect(Math.max(...answers.map(({ ms }) => ms))).toBeLessThan(5_000);
    expect(answers[0].value.body.nextTasks).toEqual([expect.objectContaining({ stepId: 'review' })]);

    // the review step's deadline jobs were left in the outboxes; Redis comes back empty
    await queue.restart();
    expect(await eventually(jobsComplete, 20_000)).toBe(true);
    expect(await eventually(async () => (await api.govflow.store.collections.caseRevisions.countDocuments({ claim: true })) === 0, 20_000)).toBe(true);
    for (const { caseId } of cases) expect(await completions(caseId)).toBe(1);
  }, 120_000);

  it('rebuilds the repair schedule, deadlines and timers after Redis is flushed, without a command', async () => {
    await openCases(2);
    expect(await jobsComplete()).toBe(true);
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    expect(await api.govflow.deadlines.queue.getDelayedCount()).toBe(0);
    expect(await eventually(jobsComplete, 20_000)).toBe(true);
    expect(await eventually(async () => (await maintenance.queue.getJobSchedulers()).some((scheduler) => scheduler.key === 'repair-outboxes'), 5_000)).toBe(true);
  }, 120_000);

  it('answers 503 within 2 s with the store killed, and a retry with the same key completes each task exactly once', async () => {
    const cases = await openCases(8);
    await api.call('clerk', 'GET', '/api/tasks?scope=claimable');
    const complete = ({ taskId }: { taskId: string }) => api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', comment: '同意' }, { 'idempotency-key': `store-${taskId}` });

    // half the completions are under way when the store dies
    const inFlight = cases.slice(0, 4).map((item) => timed(() => complete(item)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await store.kill();
    const during = await Promise.all(cases.slice(4).map((item) => timed(() => complete(item))));
    const first = await Promise.all(inFlight);

    for (const { value, ms } of during) {
      expect(value.status).toBe(503);
      expect(ms).toBeLessThan(2_000);
      expectUnavailable(value);
    }
    for (const { value } of first) expect([200, 503]).toContain(value.status);
    const read = await timed(() => api.call('clerk', 'GET', '/api/tasks?scope=claimable'));
    expect(read.value.status).toBe(503);
    expect(read.value.body.title).toBe('store-unavailable');
    expect(read.ms).toBeLessThan(2_000);
    const ready = await timed(() => fetch(`${api.url}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);

    await store.restart();
    // the client retries every request not answered 200 with its key, through another API node
    // (as a load balancer would send it); the node that saw the store die is left behind
    const other = await startTestApi({ mongodbUri: mongo.uri, redisUrl: redis.url, dbName: api.govflow.store.connection.name }, { seed: false });
    try {
      const retry = ({ taskId }: { taskId: string }) => other.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', comment: '同意' }, { 'idempotency-key': `store-${taskId}` });
      const outcomes = [...first, ...during].map(({ value }) => value);
      for (const [index, item] of cases.entries()) {
        let answer = outcomes[index];
        for (let attempt = 0; answer.status !== 200 && attempt < 20; attempt++) answer = await retry(item);
        expect(answer.status).toBe(200);
      }
      // a completion answered just before the store died may have its projections still pending:
      // the repair sweep (every worker runs it) applies them, and then each case shows it once
      await other.govflow.executor.repair({ olderThanMs: 0 });
      for (const { caseId } of cases) expect(await completions(caseId, other)).toBe(1);
      // a retry of one answered 200 is answered the same, and acts no more
      expect((await retry(cases[0])).status).toBe(200);
      expect(await completions(cases[0].caseId, other)).toBe(1);
    } finally {
      await other.close();
    }
    // and the node that saw the store die serves again by itself, with no stuck connection left
    expect(await eventually(async () => (await api.call('supervisor', 'GET', `/api/cases/${cases[0].caseId}`)).status === 200, 15_000)).toBe(true);
    // many steps under a loaded machine: a start, eight cases, a kill, a restart, a second node
  }, 240_000);
});

function expectUnavailable(answer: ApiResponse): void {
  expect(answer.type).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ title: expect.stringMatching(/^(store-unavailable|outcome-unknown)$/), detail: expect.stringMatching(/try again|Idempotency-Key/) });
}

async function pingStore(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

async function pingRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}
