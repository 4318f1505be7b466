import { startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

describe('pausing, resuming and extending clocks through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    expect((await api.call('designer', 'POST', '/api/definitions', timedApproval())).status).toBe(201);
  });
  afterAll(() => api.close());

  /** A case accepted by the window, so its case clock runs and it waits at review. */
  async function acceptedCase(): Promise<{ id: string; reviewTask: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'timed-approval', title: '计时案件', data: {} });
    const accept = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
    const accepted = await api.call('clerk', 'POST', `/api/tasks/${accept}/complete`, { decision: 'accept' });
    return { id: started.body.id, reviewTask: accepted.body.nextTasks[0].id };
  }

  const view = async (id: string) => (await api.call('supervisor', 'GET', `/api/cases/${id}`)).body;

  it('stands every clock still for a special procedure and moves due times back on resume', async () => {
    const { id } = await acceptedCase();
    const before = await view(id);
    expect(before.clock).toMatchObject({ limit: '15WD', state: 'running', paused: false });

    const paused = await api.call('clerk', 'POST', `/api/cases/${id}/clock/pause`, { kind: 'special-procedure', reason: '专家评审' });
    expect(paused.body).toEqual({ caseId: id, paused: true, pauseKind: 'special-procedure' });
    const during = await view(id);
    expect(during.clock).toMatchObject({ state: 'paused', paused: true, due: null, timeLeftMs: null, pauses: [{ reason: '专家评审', to: null }] });
    expect(during.currentSteps[0].clock).toMatchObject({ state: 'paused', due: null });
    expect((await api.call('clerk', 'POST', `/api/cases/${id}/clock/pause`, { kind: 'special-procedure', reason: '再次' })).status).toBe(409);

    const resumed = await api.call('clerk', 'POST', `/api/cases/${id}/clock/resume`, { note: '评审结束' });
    expect(resumed.body).toMatchObject({ paused: false });
    const after = await view(id);
    expect(after.clock.state).toBe('running');
    expect(after.clock.pauses).toEqual([{ from: expect.any(String), to: expect.any(String), reason: '专家评审' }]);
    // a pause within one day moves no day limit: the day it began still counted (its 00:00 ran)
    expect(after.clock.dueDate).toBe(before.clock.dueDate);
    expect(after.history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'task.completed', 'clock.paused', 'clock.resumed']);
  });

  it("lets the applicant's supplement end a supplement pause, and nothing else end it that way", async () => {
    const { id } = await acceptedCase();
    expect((await api.call('applicant', 'POST', `/api/cases/${id}/supplement`, { note: '补交营业执照' })).status).toBe(409);
    await api.call('clerk', 'POST', `/api/cases/${id}/clock/pause`, { kind: 'supplement', reason: '一次性告知补正材料' });
    expect((await api.call('other-applicant', 'POST', `/api/cases/${id}/supplement`, {})).status).toBe(404);
    const supplemented = await api.call('applicant', 'POST', `/api/cases/${id}/supplement`, { note: '补交营业执照' });
    expect(supplemented.body).toMatchObject({ caseId: id, message: 'supplement', status: 'running' });
    const resumed = await view(id);
    expect(resumed.clock.state).toBe('running');
    expect((await api.call('applicant', 'POST', `/api/cases/${id}/supplement`, {})).status).toBe(409);
    const history = resumed.history;
    expect(history[history.length - 1]).toMatchObject({ action: 'case.supplemented', actor: 'applicant', comment: '补交营业执照' });
  });

  it('extends the case limit only by a leader, with a reason, in the unit of the limit', async () => {
    const { id } = await acceptedCase();
    const before = (await view(id)).clock;
    expect((await api.call('clerk', 'POST', `/api/cases/${id}/clock/extend`, { extension: '10WD', reason: '情况复杂' })).status).toBe(403);
    const wrongUnit = await api.call('leader', 'POST', `/api/cases/${id}/clock/extend`, { extension: '14D', reason: '情况复杂' });
    expect(wrongUnit.status).toBe(422);
    expect((await api.call('leader', 'POST', `/api/cases/${id}/clock/extend`, { extension: '10WD', reason: '' })).status).toBe(400);
    const extended = await api.call('leader', 'POST', `/api/cases/${id}/clock/extend`, { extension: '10WD', reason: '经本机关负责人批准延长十日' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ limit: '25WD', extensions: [{ by: 'leader', added: '10WD', reason: '经本机关负责人批准延长十日' }] });
    expect(extended.body.dueDate > before.dueDate).toBe(true);
    expect((await view(id)).clock.limit).toBe('25WD');
  });

  it('refuses clock changes from people who do not handle the case, and on cases without a clock', async () => {
    const { id } = await acceptedCase();
    expect((await api.call('outsider', 'POST', `/api/cases/${id}/clock/pause`, { kind: 'special-procedure', reason: '越权' })).status).toBe(404);
    expect((await api.call('clerk2', 'POST', `/api/cases/${id}/clock/pause`, { kind: 'special-procedure', reason: '越权' })).status).toBe(403);
    const untimed = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '无时限', data: {} });
    const refused = await api.call('clerk', 'POST', `/api/cases/${untimed.body.id}/clock/pause`, { kind: 'special-procedure', reason: '检验' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/no time limit runs/);
  });
});
