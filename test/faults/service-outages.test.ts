import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { MaintenanceWorker, systemActor } from '../../engine';
import { wantedDeadlines } from '../../engine/deadlines';
import type { CaseHead } from '../../engine/records';
import { projectRoot } from '../../scripts/services';
import { startLocalMongo, type LocalMongo } from '../../scripts/services/mongo-server';
import { startLocalRedis, type LocalRedis } from '../../scripts/services/redis-server';
import { KillableServer } from '../support/killable-server';
import { startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/**
 * Redis killed under load, on servers of this suite's own: commands go on without Redis and
 * its jobs come back by themselves; a flushed Redis is rebuilt without anyone asking.
 */
describe('Redis failing under load', () => {
  let mongo: LocalMongo;
  let redis: LocalRedis;
  let queue: KillableServer;
  let api: TestApi;
  let maintenance: MaintenanceWorker;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'govflow-faults-'));
    mongo = await startLocalMongo(projectRoot, dataDir, dataDir);
    redis = await startLocalRedis(dataDir, false);
    // Redis renames its process, so its command line is told; it starts again empty
    const port = new URL(redis.url).port;
    queue = new KillableServer(redis.process.pid, ['redis-server', '--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], () => pingRedis(redis.url));
    api = await startTestApi({ mongodbUri: mongo.uri, redisUrl: redis.url });
    await api.govflow.deploy(timedApproval(), systemActor);
    maintenance = await MaintenanceWorker.start(api.govflow, { repairEveryMs: 500, watchEveryMs: 300 });
  }, 120_000);

  afterAll(async () => {
    await maintenance.close();
    await api.close();
    await queue.stop();
    await redis.process.stop();
    for (const server of [...mongo.processes].reverse()) await server.stop();
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

  async function completions(caseId: string): Promise<number> {
    const view = await api.call('supervisor', 'GET', `/api/cases/${caseId}`);
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
});

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
