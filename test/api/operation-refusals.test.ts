import { systemActor } from '../../engine';
import { countersignProcess } from '../support/countersign-process';
import { startTestApi, type TestApi } from '../support/test-govflow';

interface Refusal {
  operation: string;
  who: string;
  body?: unknown;
  /** Brings the task into the state the refusal is about; the case is at 受理 (accept) of general-approval before. */
  arrange?: (api: TestApi, taskId: string) => Promise<void>;
  status: number;
}

/**
 * Every task operation refused — the caller not entitled, or the task not in a state that allows
 * it — answers a problem document with a 4xx and leaves the case exactly as it was.
 */
const refusals: Refusal[] = [
  { operation: 'claim', who: 'outsider', status: 404 },
  { operation: 'claim', who: 'leader', status: 403 },
  { operation: 'claim', who: 'clerk2', status: 409, arrange: claimedBy('clerk') },
  { operation: 'unclaim', who: 'clerk', status: 409 },
  { operation: 'unclaim', who: 'clerk2', status: 409, arrange: claimedBy('clerk') },
  { operation: 'complete', who: 'leader', body: { decision: 'accept' }, status: 403 },
  { operation: 'complete', who: 'clerk2', body: { decision: 'accept' }, status: 409, arrange: claimedBy('clerk') },
  { operation: 'complete', who: 'clerk', body: { decision: 'maybe' }, status: 422 },
  { operation: 'complete', who: 'clerk', body: { decision: 'accept', data: { 'bad key': 1 } }, status: 400 },
  { operation: 'transfer', who: 'clerk2', body: { to: 'clerk2', reason: '越权转办' }, status: 403 },
  { operation: 'transfer', who: 'clerk', body: { to: 'nobody', reason: '查无此人' }, status: 422, arrange: claimedBy('clerk') },
  { operation: 'delegate', who: 'clerk', body: { to: 'clerk2' }, status: 409 },
  { operation: 'resolve', who: 'clerk', body: {}, status: 409, arrange: claimedBy('clerk') },
  { operation: 'return', who: 'clerk', body: { reason: '无可退回' }, status: 409 },
  { operation: 'return', who: 'clerk', body: { reason: 'x' }, status: 400 },
  { operation: 'return', who: 'leader', body: { reason: '越权退回' }, status: 403 },
  { operation: 'withdraw', who: 'clerk', body: {}, status: 409 },
  { operation: 'add-signer', who: 'clerk', body: { signer: 'clerk2' }, status: 409 },
  { operation: 'urge', who: 'clerk', body: {}, status: 403 },
  { operation: 'urge', who: 'other-applicant', body: {}, status: 404 },
  { operation: 'copy', who: 'outsider', body: { users: ['outsider'] }, status: 404 },
  { operation: 'copy', who: 'clerk', body: { users: [] }, status: 400 },
];

function claimedBy(user: string) {
  return async (api: TestApi, taskId: string): Promise<void> => {
    expect((await api.call(user, 'POST', `/api/tasks/${taskId}/claim`)).status).toBe(200);
  };
}

describe('every task operation refused leaves the case unchanged', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.govflow.definitions.deploy(countersignProcess('sign-all', { rule: 'all', signers: 'clerk,clerk2' }), systemActor);
  });
  afterAll(() => api.close());

  async function snapshot(caseId: string): Promise<unknown> {
    const { history, currentSteps, countersigns, opinions, status } = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body;
    return { history, currentSteps, countersigns, opinions, status };
  }

  it.each(refusals)('$operation by $who → $status', async ({ operation, who, body, arrange, status }) => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '拒绝', data: {} });
    const taskId = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
    await arrange?.(api, taskId);
    const before = await snapshot(started.body.id);
    const answer = await api.call(who, 'POST', `/api/tasks/${taskId}/${operation}`, body);
    expect(answer.status).toBe(status);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.detail).toEqual(expect.any(String));
    expect(await snapshot(started.body.id)).toEqual(before);
  });

  it('refuses a second vote, and a vote on a countersign that has ended, leaving the votes as they were', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'sign-all', title: '会签', data: {} });
    const steps = async () => (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps as Array<{ taskId: string; assignee: string }>;
    await api.call('clerk', 'POST', `/api/tasks/${(await steps())[0].taskId}/complete`, {});
    const clerkTask = (await steps()).find((step) => step.assignee === 'clerk') as { taskId: string };
    const clerk2Task = (await steps()).find((step) => step.assignee === 'clerk2') as { taskId: string };
    await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/complete`, { decision: 'agree' });
    const before = await snapshot(started.body.id);
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/complete`, { decision: 'disagree' })).status).toBe(409);
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerk2Task.taskId}/complete`, { decision: 'disagree' })).status).toBe(409);
    expect(await snapshot(started.body.id)).toEqual(before);
    await api.call('clerk2', 'POST', `/api/tasks/${clerk2Task.taskId}/complete`, { decision: 'disagree', comment: '不同意' });
    expect((await api.call('clerk2', 'POST', `/api/tasks/${clerk2Task.taskId}/add-signer`, { signer: 'leader' })).status).toBe(409);
  });
});
