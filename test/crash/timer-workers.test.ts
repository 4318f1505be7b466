import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { systemActor, type Govflow } from '../../engine';
import { startLocalRedis, type LocalRedis } from '../../scripts/services/redis-server';
import { applicant } from '../support/engine-fixture';
import { startWorkerProcess, type ServerProcess } from '../support/server-process';
import { bpmn, createTestGovflow } from '../support/test-govflow';

/**
 * Three `govflow worker` processes share the durable timers: a boundary timer fires exactly
 * once; with every worker killed while it is pending it still fires, once, after they restart;
 * and after Redis loses everything (FLUSHALL on a Redis of this suite's own) a reconcile brings
 * the pending timers back. The case is started in this process; workers do the rest.
 */
describe('durable timers across worker processes', () => {
  const dbName = `timers_${randomBytes(4).toString('hex')}`;
  const prefix = `tw${randomBytes(3).toString('hex')}`;
  let redis: LocalRedis;
  let govflow: Govflow;
  let workers: ServerProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startLocalRedis(mkdtempSync(join(tmpdir(), 'govflow-timers-')), false);
    env = { MONGODB_URI: `${process.env.MONGODB_URI}${dbName}`, REDIS_URL: redis.url, GOVFLOW_QUEUE_PREFIX: prefix };
    govflow = await createTestGovflow({ dbName, redisUrl: redis.url, queuePrefix: prefix });
    await govflow.definitions.deploy(bpmn(join(__dirname, 'fixtures', 'quick-timer.bpmn')), systemActor);
  });
  afterAll(async () => {
    await stopWorkers();
    await govflow.store.connection.dropDatabase();
    await govflow.close();
    await redis.process.stop();
  });

  async function startWorkers(): Promise<void> {
    workers = await Promise.all([1, 2, 3].map(() => startWorkerProcess(env)));
  }

  async function stopWorkers(): Promise<void> {
    await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
    workers = [];
  }

  async function startCase(title: string): Promise<string> {
    return (await govflow.cases.start({ processKey: 'quick-timer', title, data: {} }, applicant)).result.id;
  }

  async function openSteps(caseId: string): Promise<string[]> {
    const head = await govflow.store.models.cases.findById(caseId).lean();
    return head!.openTasks.map((task) => task.stepId);
  }

  async function escalated(caseId: string, withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if ((await openSteps(caseId)).includes('escalate')) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }

  const firings = async (caseId: string) => (await govflow.auditLog.entries(caseId)).filter((entry) => entry.action === 'timer.fired').length;

  it('fires a boundary timer once with three workers running', async () => {
    await startWorkers();
    const caseId = await startCase('three workers');
    expect(await escalated(caseId, 30_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firings(caseId)).toBe(1);
  });

  it('still fires once when every worker was killed while the timer was pending', async () => {
    const caseId = await startCase('workers killed');
    await stopWorkers();
    await new Promise((resolve) => setTimeout(resolve, 9_000)); // the 8-second timer comes due with no worker alive
    expect(await openSteps(caseId)).toEqual(['review']);
    await startWorkers();
    expect(await escalated(caseId, 30_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firings(caseId)).toBe(1);
  });

  it('brings every pending timer back after FLUSHALL and a reconcile', async () => {
    await stopWorkers();
    const caseIds = [await startCase('flushed 1'), await startCase('flushed 2')];
    const flusher = new Redis(redis.url);
    await flusher.flushall();
    flusher.disconnect();
    expect(await govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).toEqual([]);
    expect(await govflow.reconcileDeadlines()).toBe(2);
    await startWorkers();
    for (const caseId of caseIds) {
      expect(await escalated(caseId, 30_000)).toBe(true);
      expect(await firings(caseId)).toBe(1);
    }
  });
});
