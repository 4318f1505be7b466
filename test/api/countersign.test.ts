import { systemActor } from '../../engine';
import { countersignProcess } from '../support/countersign-process';
import { startTestApi, type TestApi } from '../support/test-govflow';

interface Step {
  taskId: string;
  stepId: string;
  assignee: string | null;
  candidateGroups: string[];
}

describe('countersign (会签 · 或签 · 票签) and add signer (加签) through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.govflow.definitions.deploy(countersignProcess('sign-all', { rule: 'all', signers: 'clerk,clerk2,leader' }), systemActor);
    await api.govflow.definitions.deploy(countersignProcess('sign-any', { rule: 'any', signers: 'window@market-bureau,leader' }), systemActor);
    await api.govflow.definitions.deploy(countersignProcess('sign-vote', { rule: 'vote', signers: 'clerk,clerk2,leader', sequential: true, passShare: 0.6 }), systemActor);
    await api.govflow.definitions.deploy(countersignProcess('sign-listed', { rule: 'all', signers: '${reviewers}' }), systemActor);
  });
  afterAll(() => api.close());

  async function atCountersign(processKey: string, data: Record<string, unknown> = {}): Promise<string> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey, title: '会签', data });
    const prepare = (await steps(started.body.id))[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${prepare.taskId}/complete`, {})).status).toBe(200);
    return started.body.id;
  }

  async function steps(caseId: string): Promise<Step[]> {
    return (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps;
  }

  async function sign(user: string, caseId: string, decision: string, comment?: string): Promise<{ status: number; body: any }> {
    const mine = (await steps(caseId)).find((step) => step.stepId === 'sign' && (step.assignee === user || (step.assignee === null && step.candidateGroups.length > 0 && user !== 'leader')));
    if (!mine) throw new Error(`${user} has no signing task in ${JSON.stringify(await steps(caseId))}`);
    return api.call(user, 'POST', `/api/tasks/${mine.taskId}/complete`, { decision, comment });
  }

  it('会签: opens one task per signer at once and passes only when every signer agrees', async () => {
    const caseId = await atCountersign('sign-all');
    expect((await steps(caseId)).map((step) => step.assignee).sort()).toEqual(['clerk', 'clerk2', 'leader']);
    expect((await sign('clerk', caseId, 'agree')).body).toMatchObject({ countersign: 'pending' });
    expect((await sign('leader', caseId, 'agree')).body).toMatchObject({ countersign: 'pending' });
    const last = await sign('clerk2', caseId, 'agree', '同意');
    expect(last.body).toMatchObject({ countersign: 'passed', nextTasks: [{ stepId: 'record' }] });
    const view = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body;
    expect(view.opinions.filter((opinion: { stepId: string }) => opinion.stepId === 'sign').map((opinion: { by: string }) => opinion.by)).toEqual(['clerk', 'leader', 'clerk2']);
    expect(view.countersigns).toEqual([]);
  });

  it('会签: one disagreement rejects at once and cancels the signatures still open', async () => {
    const caseId = await atCountersign('sign-all');
    await sign('clerk', caseId, 'agree');
    const rejected = await sign('clerk2', caseId, 'disagree', '消防条件不符合');
    expect(rejected.body).toMatchObject({ countersign: 'rejected', caseStatus: 'completed', nextTasks: [] });
    expect((await api.call('leader', 'GET', '/api/tasks?scope=mine')).body.items.filter((task: { caseId: string }) => task.caseId === caseId)).toEqual([]);
  });

  it('或签: the first signature decides, for a group signer as for a named one', async () => {
    const caseId = await atCountersign('sign-any');
    const open = await steps(caseId);
    expect(open.map((step) => step.assignee ?? step.candidateGroups.join())).toEqual(['window@market-bureau', 'leader']);
    const first = await sign('clerk2', caseId, 'agree');
    expect(first.body).toMatchObject({ countersign: 'passed', nextTasks: [{ stepId: 'record' }] });
  });

  it('票签: signers sign in turn and the vote passes once 60 % agree', async () => {
    const caseId = await atCountersign('sign-vote');
    expect((await steps(caseId)).map((step) => step.assignee)).toEqual(['clerk']);
    expect((await sign('clerk', caseId, 'disagree')).body).toMatchObject({ countersign: 'pending' });
    expect((await steps(caseId)).map((step) => step.assignee)).toEqual(['clerk2']);
    expect((await sign('clerk2', caseId, 'agree')).body).toMatchObject({ countersign: 'pending' });
    expect((await sign('leader', caseId, 'agree')).body).toMatchObject({ countersign: 'passed', nextTasks: [{ stepId: 'record' }] });
  });

  it('票签: rejects as soon as the share can no longer be reached', async () => {
    const caseId = await atCountersign('sign-vote');
    await sign('clerk', caseId, 'disagree');
    expect((await sign('clerk2', caseId, 'disagree')).body).toMatchObject({ countersign: 'rejected', caseStatus: 'completed' });
  });

  it('takes its signers from a process variable', async () => {
    const caseId = await atCountersign('sign-listed', { reviewers: ['clerk2', 'leader'] });
    expect((await steps(caseId)).map((step) => step.assignee)).toEqual(['clerk2', 'leader']);
  });

  it('加签 after: the added signer signs once the current one has, and the pass rule counts them', async () => {
    const caseId = await atCountersign('sign-vote');
    const clerkTask = (await steps(caseId))[0];
    const added = await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'outsider', position: 'after', reason: '需税务意见' });
    expect(added.status).toBe(200);
    expect(added.body.signers).toEqual(['clerk', 'outsider', 'clerk2', 'leader']);
    await sign('clerk', caseId, 'agree');
    expect((await steps(caseId)).map((step) => step.assignee)).toEqual(['outsider']);
    expect((await api.call('outsider', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'task.signer-added', caseId }));
    await sign('outsider', caseId, 'agree');
    // 3 of 4 agreeing reaches 60 % before the last signer
    expect((await sign('clerk2', caseId, 'agree')).body).toMatchObject({ countersign: 'passed' });
  });

  it('加签 before: the added signer takes the task now, and the current signer signs right after', async () => {
    const caseId = await atCountersign('sign-all');
    const clerkTask = (await steps(caseId)).find((step) => step.assignee === 'clerk') as Step;
    const added = await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'outsider', position: 'before' });
    expect(added.body).toMatchObject({ assignee: 'outsider', signers: ['outsider', 'clerk2', 'leader', 'clerk'] });
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/complete`, { decision: 'agree' })).status).toBe(409);
    await sign('outsider', caseId, 'agree');
    await sign('clerk2', caseId, 'agree');
    expect((await sign('leader', caseId, 'agree')).body).toMatchObject({ countersign: 'pending' });
    // the original signer's turn comes once the signers running now have signed
    expect((await steps(caseId)).map((step) => step.assignee)).toEqual(['clerk']);
    expect((await sign('clerk', caseId, 'agree')).body).toMatchObject({ countersign: 'passed' });
    const actions = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action);
    expect(actions).toContain('task.signer-added');
  });

  it('refuses add-signer on a task that is no countersign, for a signer already signing, and for an unknown user, changing nothing', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'sign-all', title: '会签', data: {} });
    const prepare = (await steps(started.body.id))[0];
    const notCountersign = await api.call('clerk', 'POST', `/api/tasks/${prepare.taskId}/add-signer`, { signer: 'leader' });
    expect(notCountersign.status).toBe(409);
    expect(notCountersign.type).toContain('application/problem+json');
    await api.call('clerk', 'POST', `/api/tasks/${prepare.taskId}/complete`, {});
    const clerkTask = (await steps(started.body.id)).find((step) => step.assignee === 'clerk') as Step;
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'leader' })).status).toBe(422);
    const unknown = await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'nobody' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: '/signer', message: 'name an existing clerk or leader' }]);
    expect((await api.call('clerk2', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'outsider' })).status).toBe(409);
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'bad signer!' })).status).toBe(400);
    const view = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body;
    expect(view.countersigns[0].signers).toEqual(['clerk', 'clerk2', 'leader']);
    expect(view.history.map((item: { action: string }) => item.action)).not.toContain('task.signer-added');
  });
});

describe('countersigns on engines recovered from stored state for every command', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ liveCases: 0 });
    await api.govflow.definitions.deploy(countersignProcess('sign-all', { rule: 'all', signers: 'clerk,clerk2' }), systemActor);
  });
  afterAll(() => api.close());

  it('keeps votes, added signers and the pass rule across recoveries', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'sign-all', title: '会签', data: {} });
    const caseId = started.body.id;
    const open = async (): Promise<Step[]> => (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps;
    await api.call('clerk', 'POST', `/api/tasks/${(await open())[0].taskId}/complete`, {});
    const clerkTask = (await open()).find((step) => step.assignee === 'clerk') as Step;
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/add-signer`, { signer: 'leader', position: 'after' })).status).toBe(200);
    expect((await api.call('clerk', 'POST', `/api/tasks/${clerkTask.taskId}/complete`, { decision: 'agree' })).body).toMatchObject({ countersign: 'pending' });
    const clerk2Task = (await open()).find((step) => step.assignee === 'clerk2') as Step;
    expect((await api.call('clerk2', 'POST', `/api/tasks/${clerk2Task.taskId}/complete`, { decision: 'agree' })).body).toMatchObject({ countersign: 'pending' });
    expect((await open()).map((step) => step.assignee)).toEqual(['leader']);
    const leaderTask = (await open())[0];
    expect((await api.call('leader', 'POST', `/api/tasks/${leaderTask.taskId}/complete`, { decision: 'agree' })).body).toMatchObject({ countersign: 'passed', nextTasks: [{ stepId: 'record' }] });
  });
});
