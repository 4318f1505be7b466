import { systemActor, type Govflow } from '../../engine';
import type { CaseHead } from '../../engine/records';
import { applicant } from '../support/engine-fixture';
import { createTestGovflow } from '../support/test-govflow';
import { fixture } from './compatibility-support';

/** Repeating timers fire again after their period — an ISO cycle as often as it says, a cron cycle at its next run — not at once. */
describe('repeating timers', () => {
  let govflow: Govflow;
  beforeAll(async () => {
    govflow = await createTestGovflow();
    await govflow.definitions.deploy(fixture('timers.bpmn'), systemActor);
  });
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  async function timers(caseId: string): Promise<CaseHead['timers']> {
    return (await govflow.store.models.cases.findById(caseId).lean<CaseHead>())?.timers ?? [];
  }

  async function fire(caseId: string, stepId: string): Promise<void> {
    const timer = (await timers(caseId)).find((armed) => armed.stepId === stepId);
    if (!timer) throw new Error(`no timer at ${stepId}`);
    expect(await govflow.cases.fireTimer({ id: `${caseId}:${timer.executionId}`, caseId, executionId: timer.executionId, stepId, at: new Date(timer.fireAt).getTime() })).toEqual({ fired: true });
  }

  // bpmn-elements runs an activity once at a time: while the reminder step is open, a repeat finds it running
  it('R3/PT10M opens its step and is armed again ten minutes on, three times in all', async () => {
    const { result } = await govflow.cases.start({ processKey: 'timers', title: '定时器', data: {} }, applicant);
    for (let round = 1; round <= 3; round++) {
      const before = Date.now();
      await fire(result.id, 'everyTenMinutes');
      const head = await govflow.store.models.cases.findById(result.id).lean<CaseHead>();
      expect(head?.openTasks.filter((task) => task.stepId === 'remindAgain')).toHaveLength(1);
      const next = (await timers(result.id)).find((armed) => armed.stepId === 'everyTenMinutes');
      if (round < 3) expect(new Date(next!.fireAt).getTime() - before).toBeGreaterThan(9 * 60_000);
      else expect(next).toBeUndefined();
    }
  });

  it('a cron cycle is armed at its next run after it fires', async () => {
    const { result } = await govflow.cases.start({ processKey: 'timers', title: '定时器', data: {} }, applicant);
    const first = (await timers(result.id)).find((armed) => armed.stepId === 'weekdayReminder');
    await fire(result.id, 'weekdayReminder');
    const next = (await timers(result.id)).find((armed) => armed.stepId === 'weekdayReminder');
    expect(next).toBeDefined();
    expect(new Date(next!.fireAt).getTime()).toBeGreaterThanOrEqual(new Date(first!.fireAt).getTime());
    expect(new Date(next!.fireAt).getTime()).toBeGreaterThan(Date.now());
  });
});
