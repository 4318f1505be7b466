import { DeadlineWorker, systemActor, type Govflow } from '../../../engine';
import type { DeadlineJob } from '../../../engine/deadlines';
import { applicant, clerk } from '../../support/engine-fixture';
import { createTestGovflow } from '../../support/test-govflow';
import { timedApproval } from '../../support/timed-approval';

/**
 * Deadlines through BullMQ: clocks schedule yellow and red jobs with deterministic ids, the
 * worker raises cards through the executor, stale jobs change nothing, and a reconcile brings
 * every job back after Redis lost them. A settable time source lets the suite reach deadlines
 * days away; BullMQ's own delays are skipped by promoting the jobs.
 */
describe('deadline jobs and cards', () => {
  let now = new Date();
  let govflow: Govflow;
  let worker: DeadlineWorker;

  beforeAll(async () => {
    govflow = await createTestGovflow({ now: () => now });
    await govflow.definitions.deploy(timedApproval(), systemActor);
    worker = DeadlineWorker.start(govflow, 2);
  });
  afterAll(async () => {
    await worker.close();
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });
  beforeEach(() => {
    now = new Date();
  });

  async function jobsOf(caseId: string): Promise<DeadlineJob[]> {
    const jobs = await govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    return jobs.filter((job) => job.data.caseId === caseId).map((job) => job.data);
  }

  async function fire(job: DeadlineJob): Promise<void> {
    const queued = await govflow.deadlines.queue.getJob(job.id);
    await queued!.promote();
    // a job that did its work leaves Redis at once ('unknown'); one that failed would stay, 'failed'
    for (let wait = 0; wait < 100 && (await queued!.getState()) !== 'unknown'; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await queued!.getState()).toBe('unknown');
  }

  async function startCase(): Promise<{ id: string; taskId: string }> {
    const { result } = await govflow.cases.start({ processKey: 'timed-approval', title: '监察', data: {} }, applicant);
    const head = await govflow.store.models.cases.findById(result.id).lean();
    return { id: result.id, taskId: head!.openTasks[0].id };
  }

  it('schedules a yellow and a red job for each running clock, with deterministic ids', async () => {
    const { id, taskId } = await startCase();
    const head = await govflow.store.models.cases.findById(id).lean();
    const clock = head!.openTasks[0].clock!;
    expect((await jobsOf(id)).map((job) => job.id).sort()).toEqual([`red~${id}~${taskId}~${new Date(clock.due!).getTime()}`, `yellow~${id}~${taskId}~${new Date(clock.warnAt!).getTime()}`]);
  });

  it('raises a yellow card when its job fires, resolves it when the work is done in time, and removes the red job', async () => {
    const { id, taskId } = await startCase();
    const yellow = (await jobsOf(id)).find((job) => job.level === 'yellow')!;
    now = new Date(yellow.at + 1000);
    await fire(yellow);
    const raised = await govflow.store.models.alerts.find({ caseId: id }).lean();
    expect(raised).toEqual([expect.objectContaining({ level: 'yellow', kind: 'step', stepName: '受理', department: 'market-bureau', status: 'open' })]);
    expect((await govflow.cases.get(id, clerk)).currentSteps[0].clock?.state).toBe('warning');

    await govflow.tasks.complete(taskId, { decision: 'accept' }, clerk);
    expect(await govflow.store.models.alerts.findById(`yellow~${id}~${taskId}`).lean()).toMatchObject({ status: 'resolved', workDone: true });
    const left = await jobsOf(id);
    expect(left.some((job) => job.clockKey === taskId)).toBe(false);
    // the case clock started at acceptance, and review's clock: a yellow and a red job each
    expect(left.map((job) => (job.clockKey === 'case' ? 'case' : job.clockKey.replace(/^.*\.(review)_.*$/, '$1'))).sort()).toEqual(['case', 'case', 'review', 'review']);
  });

  it('raises a red card for an overdue step that stays open, marked done, after late work', async () => {
    const { id, taskId } = await startCase();
    const red = (await jobsOf(id)).find((job) => job.level === 'red')!;
    now = new Date(red.at + 60_000);
    await fire(red);
    await govflow.tasks.complete(taskId, { decision: 'accept' }, clerk);
    const card = await govflow.store.models.alerts.findById(`red~${id}~${taskId}`).lean();
    expect(card).toMatchObject({ level: 'red', status: 'open', workDone: true });
    expect((await govflow.auditLog.entries(id)).map((entry) => entry.action)).toContain('alert.red');
  });

  it('raises only the red card when the warning fires after the due time too (a worker was down)', async () => {
    const { id, taskId } = await startCase();
    const jobs = await jobsOf(id);
    const yellow = jobs.find((job) => job.level === 'yellow')!;
    const red = jobs.find((job) => job.level === 'red')!;
    now = new Date(red.at + 60_000);
    await fire(yellow);
    await fire(red);
    const cards = await govflow.store.models.alerts.find({ caseId: id }).lean();
    expect(cards.map((card) => card._id)).toEqual([`red~${id}~${taskId}`]);
  });

  it('gives a red card to work finished after its due time even when no job fired', async () => {
    const { id, taskId } = await startCase();
    const red = (await jobsOf(id)).find((job) => job.level === 'red')!;
    now = new Date(red.at + 1);
    await govflow.tasks.complete(taskId, { decision: 'accept' }, clerk);
    expect(await govflow.store.models.alerts.findById(`red~${id}~${taskId}`).lean()).toMatchObject({ status: 'open', workDone: true });
  });

  it('never fires the warning of a completed step, nor a job twice', async () => {
    const { id, taskId } = await startCase();
    const [yellow] = (await jobsOf(id)).filter((job) => job.level === 'yellow');
    await govflow.tasks.complete(taskId, { decision: 'accept' }, clerk);
    expect(await govflow.supervision.raiseDeadlineAlert(yellow)).toEqual({ raised: false, alertId: null });

    const { id: other } = await startCase();
    const [otherYellow] = (await jobsOf(other)).filter((job) => job.level === 'yellow');
    now = new Date(otherYellow.at);
    const first = await govflow.supervision.raiseDeadlineAlert(otherYellow);
    const second = await govflow.supervision.raiseDeadlineAlert(otherYellow);
    expect([first.raised, second.raised]).toEqual([true, false]);
    expect(await govflow.store.models.alerts.countDocuments({ caseId: other })).toBe(1);
  });

  it('moves the jobs when the clocks pause and resume', async () => {
    const { id } = await startCase();
    const before = (await jobsOf(id)).map((job) => job.id);
    await govflow.cases.pauseClock(id, 'special-procedure', '现场核查', clerk);
    expect(await jobsOf(id)).toEqual([]);
    now = new Date(now.getTime() + 3 * 24 * 3600_000);
    await govflow.cases.resumeClock(id, undefined, clerk);
    const after = (await jobsOf(id)).map((job) => job.id);
    expect(after).toHaveLength(2);
    expect(after.some((jobId) => before.includes(jobId))).toBe(false);
  });

  it('leaves no job in Redis once its card is up, and a reconcile brings none back', async () => {
    const { id, taskId } = await startCase();
    const yellow = (await jobsOf(id)).find((job) => job.level === 'yellow')!;
    now = new Date(yellow.at + 1000);
    await fire(yellow);
    expect((await jobsOf(id)).map((job) => job.level)).toEqual(['red']);
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.reconcileDeadlines();
    expect((await jobsOf(id)).map((job) => `${job.level} ${job.clockKey}`)).toEqual([`red ${taskId}`]);
  });

  it('brings every job back after Redis lost them', async () => {
    const { id } = await startCase();
    const wanted = (await jobsOf(id)).map((job) => job.id).sort();
    await govflow.deadlines.queue.obliterate({ force: true });
    expect(await jobsOf(id)).toEqual([]);
    expect(await govflow.reconcileDeadlines()).toBeGreaterThanOrEqual(2);
    expect((await jobsOf(id)).map((job) => job.id).sort()).toEqual(wanted);
  });
});
