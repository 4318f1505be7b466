import { systemActor } from '../../../engine';
import { computeDue, formatChinaInstant } from '../../../engine/time';
import { applicant, clerk, useGovflowWithApprovalProcess } from '../../support/engine-fixture';
import { timedApproval } from '../../support/timed-approval';

describe('clocks of cases and steps', () => {
  const engine = useGovflowWithApprovalProcess();

  it('runs a step clock from when the step opens and the case clock from acceptance', async () => {
    const govflow = engine();
    await govflow.definitions.deploy(timedApproval(), systemActor);
    const { result } = await govflow.cases.start({ processKey: 'timed-approval', title: '计时', data: {} }, applicant);
    const calendar = govflow.calendars.current;

    const waiting = await govflow.cases.get(result.id, clerk);
    expect(waiting.clock).toBeNull(); // the case clock waits for acceptance
    const acceptClock = waiting.currentSteps[0].clock!;
    const expected = computeDue({ start: new Date(waiting.currentSteps[0].since), limit: '5WD', calendar });
    expect(acceptClock).toMatchObject({ limit: '5WD', dueDate: expected.dueDate, due: formatChinaInstant(expected.due!), state: 'running', paused: false });
    expect(acceptClock.due).toMatch(/T23:59:59\+08:00$/);
    expect(acceptClock.timeLeftMs).toBeGreaterThan(0);

    const accepted = await govflow.tasks.complete(waiting.currentSteps[0].taskId, { decision: 'accept' }, clerk);
    const reviewing = await govflow.cases.get(result.id, clerk);
    const acceptance = new Date(reviewing.history.find((item) => item.action === 'task.completed')!.at);
    expect(reviewing.clock).toMatchObject({ limit: '15WD', dueDate: computeDue({ start: acceptance, limit: '15WD', calendar }).dueDate });
    const review = reviewing.currentSteps[0].clock!;
    expect(review).toMatchObject({ limit: '3WD', warnAt: formatChinaInstant(computeDue({ start: new Date(reviewing.currentSteps[0].since), limit: '3WD', warnWorkingDays: 1, calendar }).warnAt!) });

    const { items: inbox } = await govflow.tasks.list(clerk, 'claimable');
    const task = inbox.find((item) => item.id === accepted.nextTasks[0].id)!;
    expect(task).toMatchObject({ urgency: 'running', clock: expect.objectContaining({ limit: '3WD', state: 'running', paused: false }) });
    expect(new Date(task.due!).toISOString()).toBe(new Date(reviewing.currentSteps[0].clock!.due!).toISOString());
  });

  it('starts the case clock with the case when no clock-start step is named', async () => {
    const govflow = engine();
    await govflow.definitions.deploy(timedApproval('govflow:statutoryLimit="90D"', 'natural-days'), systemActor);
    const { result } = await govflow.cases.start({ processKey: 'natural-days', title: '九十日', data: {} }, applicant);
    expect((await govflow.cases.get(result.id, clerk)).clock).toMatchObject({ limit: '90D', state: 'running' });
  });

  it.each([
    ['a promised limit beyond the statutory one', 'govflow:promisedLimit="25WD" govflow:statutoryLimit="20WD"', 'exceeds the statutory limit'],
    ['limits in different units', 'govflow:promisedLimit="30D" govflow:statutoryLimit="20WD"', 'same unit'],
    ['a limit that does not parse', 'govflow:statutoryLimit="twenty days"', 'is not a time limit'],
    ['a clock start that is no user task', 'govflow:statutoryLimit="20WD" govflow:clockStart="nowhere"', 'not a user task'],
  ])('refuses at deploy %s', async (_what, attributes, message) => {
    await expect(engine().definitions.deploy(timedApproval(attributes), systemActor)).rejects.toMatchObject({
      status: 422,
      details: expect.arrayContaining([{ path: 'timed-approval', message: expect.stringContaining(message) }]),
    });
  });
});
