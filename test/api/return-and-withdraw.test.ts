import { systemActor } from '../../engine';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const form = { amount: 80, category: 'drug' };

describe('return (退回) and withdraw (撤回) through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.govflow.definitions.deploy(bpmn(`${__dirname}/fixtures/practice.bpmn`), systemActor);
  });
  afterAll(() => api.close());

  async function view(caseId: string) {
    return (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body;
  }

  async function current(caseId: string): Promise<Array<{ taskId: string; stepId: string; assignee: string | null }>> {
    return (await view(caseId)).currentSteps;
  }

  async function complete(user: string, caseId: string, stepId: string, body: Record<string, unknown>): Promise<string> {
    const task = (await current(caseId)).find((step) => step.stepId === stepId);
    if (!task) throw new Error(`case ${caseId} is not at ${stepId}`);
    const answer = await api.call(user, 'POST', `/api/tasks/${task.taskId}/complete`, body);
    expect(answer.status).toBe(200);
    return task.taskId;
  }

  async function atDecision(): Promise<string> {
    const caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'practice', title: '药品经营许可', data: {} })).body.id;
    await complete('clerk2', caseId, 'accept', { decision: 'accept' });
    await complete('clerk', caseId, 'assess', { decision: 'pass', data: form });
    return caseId;
  }

  it('returns the case to the previous step, to whoever completed it, and the case goes on from there to its end', async () => {
    const caseId = await atDecision();
    const decide = (await current(caseId))[0];
    expect((await api.call('leader', 'POST', `/api/tasks/${decide.taskId}/return`, {})).status).toBe(400);
    const returned = await api.call('leader', 'POST', `/api/tasks/${decide.taskId}/return`, { reason: '核查意见不完整' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ stepId: 'assess', assignee: 'clerk' });
    expect(await current(caseId)).toEqual([expect.objectContaining({ stepId: 'assess', assignee: 'clerk', taskId: returned.body.taskId })]);
    expect((await api.call('clerk', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'task.returned', caseId }));
    expect((await api.call('leader', 'POST', `/api/tasks/${decide.taskId}/complete`, { decision: 'grant' })).status).toBe(409);
    await complete('clerk', caseId, 'assess', { decision: 'pass', data: form });
    await complete('leader', caseId, 'decide', { decision: 'grant', comment: '准予' });
    const ended = await view(caseId);
    expect(ended.status).toBe('completed');
    expect(ended.currentSteps).toEqual([]);
    expect(ended.history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'task.completed', 'task.completed', 'task.returned', 'task.completed', 'task.completed']);
  });

  it('returns to a chosen earlier step the case passed, across a loop in the model', async () => {
    const caseId = await atDecision();
    const decide = (await current(caseId))[0];
    const refused = await api.call('leader', 'POST', `/api/tasks/${decide.taskId}/return`, { reason: '退回', to: 'special' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: '/to', message: 'must be a step the case passed through: accept, assess' }]);
    const returned = await api.call('leader', 'POST', `/api/tasks/${decide.taskId}/return`, { reason: '受理材料有误', to: 'accept' });
    expect(returned.body).toMatchObject({ stepId: 'accept', assignee: 'clerk2' });
    await complete('clerk2', caseId, 'accept', { decision: 'accept' });
    await complete('clerk', caseId, 'assess', { decision: 'pass', data: form });
    await complete('leader', caseId, 'decide', { decision: 'grant' });
    expect((await view(caseId)).status).toBe('completed');
  });

  it('refuses a return at the first step, by someone who may not work the task, and of a closed task', async () => {
    const caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'practice', title: '退回', data: {} })).body.id;
    const accept = (await current(caseId))[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/return`, { reason: '无处可退' })).status).toBe(409);
    await complete('clerk', caseId, 'accept', { decision: 'accept' });
    const assess = (await current(caseId))[0];
    expect((await api.call('clerk2', 'POST', `/api/tasks/${assess.taskId}/return`, { reason: '越权' })).status).toBe(403);
    expect((await api.call('outsider', 'POST', `/api/tasks/${assess.taskId}/return`, { reason: '越权' })).status).toBe(404);
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/return`, { reason: '已办结' })).status).toBe(409);
    expect((await view(caseId)).history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'task.completed']);
  });

  it('lets the handler withdraw a step while the next is untouched, and gives it back to them', async () => {
    const caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'practice', title: '撤回', data: {} })).body.id;
    const acceptTask = await complete('clerk2', caseId, 'accept', { decision: 'accept' });
    const assessBefore = (await current(caseId))[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${acceptTask}/withdraw`, {})).status).toBe(403);
    const withdrawn = await api.call('clerk2', 'POST', `/api/tasks/${acceptTask}/withdraw`, { reason: '受理意见写错' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ stepId: 'accept', assignee: 'clerk2' });
    expect(await current(caseId)).toEqual([expect.objectContaining({ stepId: 'accept', assignee: 'clerk2' })]);
    expect((await api.call('clerk', 'POST', `/api/tasks/${assessBefore.taskId}/complete`, { decision: 'pass', data: form })).status).toBe(409);
    expect((await api.call('clerk2', 'POST', `/api/tasks/${acceptTask}/withdraw`, {})).status).toBe(409);
    const actions = (await view(caseId)).history.map((item: { action: string }) => item.action);
    expect(actions).toEqual(['case.started', 'task.completed', 'task.withdrawn']);
  });

  it('refuses a withdrawal once the next step was claimed, or when a later step was completed', async () => {
    const caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'practice', title: '撤回', data: {} })).body.id;
    const acceptTask = await complete('clerk2', caseId, 'accept', { decision: 'accept' });
    const assess = (await current(caseId))[0];
    await api.call('clerk', 'POST', `/api/tasks/${assess.taskId}/claim`);
    const claimed = await api.call('clerk2', 'POST', `/api/tasks/${acceptTask}/withdraw`, {});
    expect(claimed.status).toBe(409);
    expect(claimed.body.detail).toContain('has been acted on');
    await complete('clerk', caseId, 'assess', { decision: 'pass', data: form });
    expect((await api.call('clerk2', 'POST', `/api/tasks/${acceptTask}/withdraw`, {})).status).toBe(409);
    expect((await current(caseId)).map((step) => step.stepId)).toEqual(['decide']);
  });
});
