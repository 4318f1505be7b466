import { startTestApi, type ApiResponse, type TestApi } from '../support/test-govflow';

describe('concurrent and repeated requests', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function submit(headers: Record<string, string> = {}, title = '申请'): Promise<ApiResponse> {
    return api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title, data: {} }, headers);
  }

  it('lets exactly one of two clerks complete the same task; the other gets 409 and nothing happens twice', async () => {
    for (let round = 0; round < 10; round++) {
      // given a case waiting at the window, claimable by clerk and clerk2
      const { body } = await submit();
      const view = await api.call('supervisor', 'GET', `/api/cases/${body.id}`);
      const taskId = view.body.currentSteps[0].taskId;

      // when both complete it at the same moment
      const answers = await Promise.all([
        api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept' }),
        api.call('clerk2', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'refuse' }),
      ]);

      // then one wins, the other is told the task is closed, and the case moved once
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const loser = answers.find((answer) => answer.status === 409);
      expect(loser?.type).toContain('application/problem+json');
      const after = await api.call('supervisor', 'GET', `/api/cases/${body.id}`);
      const completions = after.body.history.filter((item: { action: string }) => item.action === 'task.completed');
      expect(completions).toHaveLength(1);
      const winner = answers.find((answer) => answer.status === 200);
      expect(after.body.status).toBe(winner?.body.caseStatus);
      const open = await api.govflow.store.models.tasks.countDocuments({ caseId: body.id, status: 'open' });
      expect(open).toBe(after.body.currentSteps.length);
    }
  });

  it('lets exactly one of two clerks claim the same task', async () => {
    for (let round = 0; round < 5; round++) {
      const { body } = await submit();
      const taskId = (await api.call('supervisor', 'GET', `/api/cases/${body.id}`)).body.currentSteps[0].taskId;
      const answers = await Promise.all(['clerk', 'clerk2'].map((user) => api.call(user, 'POST', `/api/tasks/${taskId}/claim`)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const holder = answers.find((answer) => answer.status === 200)?.body.assignee;
      const view = await api.call('supervisor', 'GET', `/api/cases/${body.id}`);
      expect(view.body.currentSteps[0].assignee).toBe(holder);
      expect(view.body.history.filter((item: { action: string }) => item.action === 'task.claimed')).toHaveLength(1);
    }
  });

  it('gives one case for the same Idempotency-Key, sequentially and concurrently', async () => {
    const first = await submit({ 'idempotency-key': 'apply-2026-0001' });
    const again = await submit({ 'idempotency-key': 'apply-2026-0001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const burst = await Promise.all(Array.from({ length: 6 }, () => submit({ 'idempotency-key': 'apply-2026-0002' })));
    expect(new Set(burst.map((answer) => answer.body.id)).size).toBe(1);
    expect(burst.filter((answer) => answer.status === 201)).toHaveLength(1);
    const stored = await api.govflow.store.models.cases.countDocuments({ _id: { $in: [first.body.id, burst[0].body.id] } });
    expect(stored).toBe(2);
    const entries = await api.govflow.store.models.audit.countDocuments({ caseId: burst[0].body.id });
    expect(entries).toBe(1);
  });

  it('refuses the same Idempotency-Key for a different application', async () => {
    await submit({ 'idempotency-key': 'apply-2026-0003' }, '第一份');
    const reused = await submit({ 'idempotency-key': 'apply-2026-0003' }, '另一份');
    expect(reused.status).toBe(409);
    expect(reused.body.detail).toContain('Idempotency-Key');
  });

  it('keeps the same key of two applicants apart', async () => {
    const mine = await submit({ 'idempotency-key': 'shared-key' });
    const theirs = await api.call('other-applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '申请', data: {} }, { 'idempotency-key': 'shared-key' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});
