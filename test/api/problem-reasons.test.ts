import { startTestApi, type TestApi } from '../support/test-govflow';

/**
 * Every problem document carries a stable reason and what it names, beside the English message,
 * so a page can say it in its own words: a finer reason where the engine gives one, else the code.
 */
describe('the reasons problems carry', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('names the step and its holder when a task was claimed by someone else', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '理由', data: {} });
    const [step] = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps;
    expect((await api.call('clerk2', 'POST', `/api/tasks/${step.taskId}/claim`)).status).toBe(200);
    const refused = await api.call('clerk', 'POST', `/api/tasks/${step.taskId}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ title: 'conflict', reason: 'task.held', params: { step: step.name, holder: 'clerk2' } });
    expect((await api.call('outsider', 'POST', `/api/tasks/${step.taskId}/claim`)).body).toMatchObject({ reason: expect.stringMatching(/^(not-found|forbidden|task\.not-candidate)$/) });
  });

  it('says what was not found, and which', async () => {
    const missing = await api.call('clerk', 'GET', '/api/cases/no-such-case');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ reason: 'not-found', params: { what: 'case', id: 'no-such-case' } });
  });

  it("gives each field's problem zod's stable code and its bounds", async () => {
    const bad = await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId: 'x', department: 'market-bureau', message: '短', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe('invalid-input');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/message', reason: 'invalid.too_small', params: expect.objectContaining({ minimum: 2 }) }),
        expect.objectContaining({ reason: 'invalid.unrecognized_keys', params: expect.objectContaining({ keys: 'extra' }) }),
      ]),
    );
  });

  it('falls back to the code where no finer reason is given', async () => {
    const route = await api.call('clerk', 'GET', '/api/nothing-here');
    expect(route.body).toMatchObject({ reason: 'not-found', params: {} });
  });
});
