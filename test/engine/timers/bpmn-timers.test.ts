import { join } from 'node:path';
import { DeadlineWorker, systemActor, type Govflow } from '../../../engine';
import type { TimerJob } from '../../../engine/deadlines';
import { computeDue } from '../../../engine/time';
import { applicant, clerk } from '../../support/engine-fixture';
import { bpmn, createTestGovflow } from '../../support/test-govflow';

/**
 * BPMN timer events run on durable BullMQ jobs through the executor, never on in-process
 * timeouts: boundary timers (interrupting and not), an intermediate catch timer in China
 * working days, cancellation when the step completes first, and stale or repeated jobs.
 */
describe('BPMN timers on durable jobs', () => {
  let govflow: Govflow;
  const leader = { ...clerk, username: 'chief', groups: ['leader@market-bureau'] };
  const window = { ...clerk, groups: ['window@market-bureau'] };

  beforeAll(async () => {
    govflow = await createTestGovflow();
    await govflow.definitions.deploy(bpmn(join(__dirname, 'fixtures', 'timer-escalation.bpmn')), systemActor);
  });
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  async function timerJobs(caseId: string): Promise<TimerJob[]> {
    const jobs = await govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    return jobs.filter((job) => job.name === 'timer' && job.data.caseId === caseId).map((job) => job.data as TimerJob);
  }

  async function steps(caseId: string): Promise<string[]> {
    const head = await govflow.store.models.cases.findById(caseId).lean();
    return head!.openTasks.map((task) => task.stepId).sort();
  }

  it('arms a durable job for a boundary timer, and the firing interrupts the step', async () => {
    const before = Date.now();
    const { result } = await govflow.cases.start({ processKey: 'timer-escalation', title: '超时升级', data: {} }, applicant);
    const [job] = await timerJobs(result.id);
    expect(job).toMatchObject({ stepId: 'reviewTooLong' });
    expect(job.at).toBeGreaterThanOrEqual(before + 2 * 3600_000);
    expect(job.at).toBeLessThanOrEqual(Date.now() + 2 * 3600_000);

    expect(await govflow.cases.fireTimer(job)).toEqual({ fired: true });
    expect(await steps(result.id)).toEqual(['escalate']);
    expect(await timerJobs(result.id)).toEqual([]);
    expect((await govflow.auditLog.entries(result.id)).map((entry) => entry.action)).toEqual(['case.started', 'timer.fired']);
    expect(await govflow.cases.fireTimer(job)).toEqual({ fired: false });
    const escalate = (await govflow.store.models.cases.findById(result.id).lean())!.openTasks[0];
    expect((await govflow.tasks.complete(escalate.id, {}, leader)).caseStatus).toBe('completed');
  });

  it('cancels the boundary timer when the step completes first, then waits three working days', async () => {
    const { result } = await govflow.cases.start({ processKey: 'timer-escalation', title: '按时审查', data: {} }, applicant);
    const [boundary] = await timerJobs(result.id);
    const review = (await govflow.store.models.cases.findById(result.id).lean())!.openTasks[0];
    const completedAt = new Date();
    await govflow.tasks.complete(review.id, {}, clerk);

    const [wait] = await timerJobs(result.id);
    expect(wait.stepId).toBe('wait');
    const due = computeDue({ start: completedAt, limit: '3WD', calendar: govflow.calendars.current }).due!.getTime();
    expect(Math.abs(wait.at - due)).toBeLessThan(5_000);
    expect(await govflow.cases.fireTimer(boundary)).toEqual({ fired: false });
    expect(await steps(result.id)).toEqual([]);

    expect(await govflow.cases.fireTimer(wait)).toEqual({ fired: true });
    expect(await steps(result.id)).toEqual(['deliver']);
  });

  it('keeps the step when a non-interrupting timer fires, through the worker', async () => {
    const { result } = await govflow.cases.start({ processKey: 'timer-escalation', title: '提醒', data: {} }, applicant);
    const review = (await govflow.store.models.cases.findById(result.id).lean())!.openTasks[0];
    await govflow.tasks.complete(review.id, {}, clerk);
    await govflow.cases.fireTimer((await timerJobs(result.id))[0]);
    const [reminder] = await timerJobs(result.id);
    expect(reminder.stepId).toBe('deliverReminder');

    const worker = DeadlineWorker.start(govflow, 2);
    try {
      const queued = await govflow.deadlines.queue.getJob(reminder.id);
      await queued!.promote();
      // a job that did its work leaves Redis at once ('unknown'); one that failed would stay, 'failed'
      for (let wait = 0; wait < 100 && (await queued!.getState()) !== 'unknown'; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queued!.getState()).toBe('unknown');
    } finally {
      await worker.close();
    }
    expect(await steps(result.id)).toEqual(['deliver']);
    expect(await timerJobs(result.id)).toEqual([]);
    const deliver = (await govflow.store.models.cases.findById(result.id).lean())!.openTasks[0];
    expect((await govflow.tasks.complete(deliver.id, {}, window)).caseStatus).toBe('completed');
  });
});
