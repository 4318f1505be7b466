import { startTestApi, type TestApi } from '../support/test-govflow';

/**
 * Every state-changing case and task operation honours Idempotency-Key: a retry of the same
 * request is answered as the first was and acts once; the key used for another request is refused.
 */
describe('Idempotency-Key on case and task operations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function acceptTaskOfNewCase(): Promise<{ caseId: string; taskId: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '重试测试', data: {} });
    expect(started.status).toBe(201);
    const view = await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`);
    return { caseId: started.body.id, taskId: view.body.currentSteps[0].taskId };
  }

  async function history(caseId: string): Promise<string[]> {
    const view = await api.call('supervisor', 'GET', `/api/cases/${caseId}`);
    return view.body.history.map((item: { action: string }) => item.action);
  }

  it('answers a retried completion as the first one and completes the task once', async () => {
    const { caseId, taskId } = await acceptTaskOfNewCase();
    const key = { 'idempotency-key': `complete-${taskId}` };
    const first = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', comment: '材料齐全' }, key);
    const retry = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', comment: '材料齐全' }, key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await history(caseId)).filter((action) => action === 'task.completed')).toHaveLength(1);
    // without the key, the same request is a second, refused attempt
    const unkeyed = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', comment: '材料齐全' });
    expect(unkeyed.status).toBe(409);
  });

  it('urges once however often the same urge is retried', async () => {
    const { caseId, taskId } = await acceptTaskOfNewCase();
    const key = { 'idempotency-key': `urge-${taskId}` };
    const answers = await Promise.all([1, 2, 3].map(() => api.call('supervisor', 'POST', `/api/tasks/${taskId}/urge`, { message: '请尽快受理' }, key)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers[1].body).toEqual(answers[0].body);
    expect((await history(caseId)).filter((action) => action === 'task.urged')).toHaveLength(1);
  });

  it('refuses a key reused for a different request, and keys of different callers never meet', async () => {
    const { caseId, taskId } = await acceptTaskOfNewCase();
    const key = { 'idempotency-key': 'shared-key-1' };
    expect((await api.call('supervisor', 'POST', `/api/tasks/${taskId}/urge`, { message: '第一次' }, key)).status).toBe(200);
    const reused = await api.call('supervisor', 'POST', `/api/tasks/${taskId}/urge`, { message: '第二次' }, key);
    expect(reused.status).toBe(409);
    expect(reused.type).toContain('application/problem+json');
    expect(reused.body.detail).toContain('Idempotency-Key');
    // the clerk's own use of the same key string is a request of its own
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/claim`, undefined, key)).status).toBe(200);
    expect(await history(caseId)).toEqual(['case.started', 'task.urged', 'task.claimed']);
  });

  it('refuses a malformed key before anything is done', async () => {
    const { caseId, taskId } = await acceptTaskOfNewCase();
    const answer = await api.call('clerk', 'POST', `/api/tasks/${taskId}/claim`, undefined, { 'idempotency-key': 'x'.repeat(129) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'Idempotency-Key', message: '1–128 printable ASCII characters' }]);
    expect(await history(caseId)).toEqual(['case.started']);
  });
});
