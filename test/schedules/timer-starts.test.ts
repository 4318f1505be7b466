import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor, type Govflow } from '../../engine';
import { startLocalRedis, type LocalRedis } from '../../scripts/services/redis-server';
import { startWorkerProcess, type ServerProcess } from '../support/server-process';
import { createTestGovflow } from '../support/test-govflow';

const patrol = readFileSync(join(__dirname, 'fixtures', 'daily-patrol.bpmn'), 'utf8');

/**
 * A timer start event with three `govflow worker` processes on one store and Redis (needs
 * `npm run build`): each tick of the cycle starts exactly one case, whichever worker takes it;
 * a new version without the timer stops the schedule; reconcile after Redis lost everything
 * brings the schedule back.
 */
describe('timer start events across worker processes', () => {
  const dbName = `schedules_${randomBytes(4).toString('hex')}`;
  const prefix = `ts${randomBytes(3).toString('hex')}`;
  let redis: LocalRedis;
  let govflow: Govflow;
  let workers: ServerProcess[] = [];

  beforeAll(async () => {
    redis = await startLocalRedis(mkdtempSync(join(tmpdir(), 'govflow-schedules-')), false);
    const env = { MONGODB_URI: `${process.env.MONGODB_URI}${dbName}`, REDIS_URL: redis.url, GOVFLOW_QUEUE_PREFIX: prefix };
    govflow = await createTestGovflow({ dbName, redisUrl: redis.url, queuePrefix: prefix });
    workers = await Promise.all([1, 2, 3].map(() => startWorkerProcess(env)));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
    await govflow.store.connection.dropDatabase();
    await govflow.close();
    await redis.process.stop();
  });

  /** The ticks the patrol cases were started for, from their titles (日常巡查 yyyy-mm-dd hh:mm:ss, China time), in order. */
  async function ticks(): Promise<number[]> {
    const cases = await govflow.store.models.cases.find({ processKey: 'daily-patrol' }, { title: 1 }).lean();
    return cases.map((head) => new Date(`${head.title.slice('日常巡查 '.length).replace(' ', 'T')}+08:00`).getTime()).sort((a, b) => a - b);
  }

  it('starts one case per tick whichever of three workers takes it, and stops with a version that has no timer', async () => {
    // when the process is deployed and runs for about seven seconds
    await govflow.definitions.deploy(patrol, systemActor);
    await new Promise((resolve) => setTimeout(resolve, 7_500));
    const seen = await ticks();

    // then there is a case for each tick two seconds apart, none twice, none skipped
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
    for (let index = 1; index < seen.length; index++) expect(seen[index] - seen[index - 1]).toBe(2_000);
    const head = await govflow.store.models.cases.findOne({ processKey: 'daily-patrol' }).lean();
    expect(head).toMatchObject({ applicant: 'system', status: 'running' });
    expect(head?.openTasks.map((task) => task.stepId)).toEqual(['patrol']);

    // when a version starting by application replaces it, no tick starts a case any more
    await govflow.definitions.deploy(patrol.replace(/<bpmn:timerEventDefinition[\s\S]*?<\/bpmn:timerEventDefinition>/, ''), systemActor);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const stopped = (await ticks()).length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect((await ticks()).length).toBe(stopped);
  }, 60_000);

  it('brings the schedule back with reconcile after Redis lost everything', async () => {
    // given the schedule running, then Redis losing all its data
    await govflow.definitions.deploy(patrol, systemActor);
    await govflow.redis.flushall();
    expect(await govflow.deadlines.queue.getJobScheduler('timer-start~daily-patrol')).toBeUndefined();

    // when reconcile runs (as every worker does at start-up)
    await govflow.reconcileDeadlines();

    // then the scheduler is back and ticks start cases again, two seconds apart
    expect(await govflow.deadlines.queue.getJobScheduler('timer-start~daily-patrol')).toMatchObject({ every: 2_000 });
    const before = await ticks();
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const after = await ticks();
    expect(after.length).toBeGreaterThanOrEqual(before.length + 2);
    const fresh = after.filter((tick) => !before.includes(tick));
    for (let index = 1; index < fresh.length; index++) expect(fresh[index] - fresh[index - 1]).toBe(2_000);
  }, 60_000);
});
