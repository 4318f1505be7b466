import { startTestApi, type TestApi } from '../support/test-govflow';

describe('transfer (转办) and delegate (委派) through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function waitingTask(): Promise<{ caseId: string; taskId: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '交办', data: {} });
    const taskId = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
    return { caseId: started.body.id, taskId };
  }

  it('transfers a task from its holder to a colleague, who owns and completes it', async () => {
    const { caseId, taskId } = await waitingTask();
    expect((await api.call('clerk2', 'POST', `/api/tasks/${taskId}/transfer`, { to: 'clerk2', reason: '未认领不能转办' })).status).toBe(403);
    await api.call('clerk', 'POST', `/api/tasks/${taskId}/claim`);
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/transfer`, { to: 'nobody', reason: '笔误' })).status).toBe(422);
    const moved = await api.call('clerk', 'POST', `/api/tasks/${taskId}/transfer`, { to: 'clerk2', reason: '工作调整' });
    expect(moved.body).toEqual({ taskId, assignee: 'clerk2', delegatedBy: null });
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept' })).status).toBe(409);
    expect((await api.call('clerk2', 'GET', '/api/tasks?scope=mine')).body.items.map((task: { id: string }) => task.id)).toContain(taskId);
    expect((await api.call('clerk2', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'task.transferred', caseId }));
    expect((await api.call('clerk2', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', comment: '受理' })).status).toBe(200);
    const history = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history;
    expect(history.map((item: { action: string; actor: string }) => `${item.action}:${item.actor}`)).toEqual(['case.started:applicant', 'task.claimed:clerk', 'task.transferred:clerk', 'task.completed:clerk2']);
  });

  it('delegates a task, which comes back to its owner to complete', async () => {
    const { caseId, taskId } = await waitingTask();
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/delegate`, { to: 'clerk2' })).status).toBe(409); // claim first
    await api.call('clerk', 'POST', `/api/tasks/${taskId}/claim`);
    const delegated = await api.call('clerk', 'POST', `/api/tasks/${taskId}/delegate`, { to: 'clerk2', note: '请核对材料' });
    expect(delegated.body).toEqual({ taskId, assignee: 'clerk2', delegatedBy: 'clerk' });
    expect((await api.call('clerk2', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept' })).status).toBe(409);
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/resolve`, {})).status).toBe(403);
    expect((await api.call('clerk2', 'POST', `/api/tasks/${taskId}/resolve`, { comment: '材料齐全' })).body).toEqual({ taskId, assignee: 'clerk', delegatedBy: null });
    expect((await api.call('clerk2', 'POST', `/api/tasks/${taskId}/resolve`, {})).status).toBe(409);
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept' })).status).toBe(200);
    const actions = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action);
    expect(actions).toEqual(['case.started', 'task.claimed', 'task.delegated', 'task.resolved', 'task.completed']);
  });

  it('lets a leader of the department transfer a task nobody holds', async () => {
    const { taskId } = await waitingTask();
    const outsiderLeader = await api.call('leader', 'POST', `/api/tasks/${taskId}/transfer`, { to: 'clerk2', reason: '统筹安排' });
    // the leader leads market-bureau, whose window group holds the step
    expect(outsiderLeader.status).toBe(200);
    expect(outsiderLeader.body.assignee).toBe('clerk2');
  });

  it('urges the handler once an hour, for the applicant, supervisors and leaders who may see the case', async () => {
    const { caseId, taskId } = await waitingTask();
    await api.call('clerk', 'POST', `/api/tasks/${taskId}/claim`);
    expect((await api.call('other-applicant', 'POST', `/api/tasks/${taskId}/urge`, {})).status).toBe(404);
    expect((await api.call('clerk2', 'POST', `/api/tasks/${taskId}/urge`, {})).status).toBe(403);
    const urged = await api.call('applicant', 'POST', `/api/tasks/${taskId}/urge`, { message: '请尽快受理' });
    expect(urged.body).toMatchObject({ taskId });
    expect((await api.call('clerk', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'task.urged', caseId, message: expect.stringContaining('请尽快受理') }));
    const again = await api.call('supervisor', 'POST', `/api/tasks/${taskId}/urge`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/urge again after an hour/);
    const actions = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action);
    expect(actions.filter((action: string) => action === 'task.urged')).toHaveLength(1);
  });

  it('copies a case (抄送) to people and groups, who may then read it and find it in their list', async () => {
    const { caseId } = await waitingTask();
    expect((await api.call('outsider', 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await api.call('outsider', 'POST', `/api/cases/${caseId}/copy`, { users: ['outsider'] })).status).toBe(404);
    expect((await api.call('clerk', 'POST', `/api/cases/${caseId}/copy`, { users: [], groups: [] })).status).toBe(400);
    const copied = await api.call('clerk', 'POST', `/api/cases/${caseId}/copy`, { users: ['outsider'], groups: ['window@tax-bureau'], note: '供参阅' });
    expect(copied.body.copiedTo).toEqual({ users: ['outsider'], groups: ['window@tax-bureau'] });
    expect((await api.call('outsider', 'GET', `/api/cases/${caseId}`)).status).toBe(200);
    expect((await api.call('outsider', 'GET', '/api/cases?scope=copied')).body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
    expect((await api.call('outsider', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'case.copied', caseId }));
    const mine = (await api.call('applicant', 'GET', '/api/cases?scope=mine')).body.items.map((item: { id: string }) => item.id);
    expect(mine).toContain(caseId);
    expect((await api.call('other-applicant', 'GET', '/api/cases?scope=mine')).body.items).toEqual([]);
    expect((await api.call('applicant', 'GET', '/api/cases?scope=everything')).status).toBe(400);
  });

  it('copies the case of a task from the inbox, as the task operation copy', async () => {
    const { caseId, taskId } = await waitingTask();
    expect((await api.call('outsider', 'POST', `/api/tasks/${taskId}/copy`, { users: ['outsider'] })).status).toBe(404);
    const copied = await api.call('clerk', 'POST', `/api/tasks/${taskId}/copy`, { users: ['supervisor'], groups: ['leader@market-bureau'] });
    expect(copied.status).toBe(200);
    expect(copied.body.copiedTo).toEqual({ users: ['supervisor'], groups: ['leader@market-bureau'] });
    expect((await api.call('leader', 'GET', '/api/cases?scope=copied')).body.items.map((item: { id: string }) => item.id)).toContain(caseId);
  });
});
