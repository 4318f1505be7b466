import { startTestApi, type TestApi } from '../support/test-govflow';

describe('an application through the general approval process', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function submit(title = '食品经营许可申请'): Promise<{ id: string; receiptNo: string; queryCode: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title, data: { shopName: '老王面馆', area: 80 } });
    expect(started.status).toBe(201);
    return started.body;
  }

  async function currentTask(caseId: string, as = 'supervisor'): Promise<{ taskId: string; stepId: string }> {
    const view = await api.call(as, 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.currentSteps).toHaveLength(1);
    return view.body.currentSteps[0];
  }

  it('is accepted, reviewed, granted and finished, with every step in history and a verified audit chain', async () => {
    // given a submitted application
    const application = await submit();
    expect(application.receiptNo).toMatch(/^GF\d{8}-\d{5}$/);

    // when the window clerk claims and accepts it
    const inbox = await api.call('clerk', 'GET', '/api/tasks?scope=claimable');
    const acceptTask = inbox.body.items.find((task: { caseId: string }) => task.caseId === application.id);
    expect(acceptTask).toMatchObject({ stepId: 'accept', name: '受理', status: 'open', assignee: null });
    expect((await api.call('clerk', 'POST', `/api/tasks/${acceptTask.id}/claim`)).body).toEqual({ taskId: acceptTask.id, assignee: 'clerk' });
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=mine')).body.items.map((task: { id: string }) => task.id)).toContain(acceptTask.id);
    const accepted = await api.call('clerk', 'POST', `/api/tasks/${acceptTask.id}/complete`, { decision: 'accept', comment: '材料齐全' });

    // then the case moves to review
    expect(accepted.status).toBe(200);
    expect(accepted.body.nextTasks).toEqual([expect.objectContaining({ stepId: 'review', name: '审查' })]);

    // when review passes and the leader grants
    const review = await currentTask(application.id);
    expect((await api.call('clerk', 'POST', `/api/tasks/${review.taskId}/complete`, { decision: 'pass', data: { reviewNote: 'ok' } })).status).toBe(200);
    const decide = await currentTask(application.id);
    expect(decide.stepId).toBe('decide');
    const granted = await api.call('leader', 'POST', `/api/tasks/${decide.taskId}/complete`, { decision: 'grant', comment: '准予许可' });

    // then the case is completed and its history tells the whole story
    expect(granted.body.caseStatus).toBe('completed');
    const finished = await api.call('supervisor', 'GET', `/api/cases/${application.id}`);
    expect(finished.body.status).toBe('completed');
    expect(finished.body.currentSteps).toEqual([]);
    expect(finished.body.history.map((item: { action: string; stepName: string | null }) => `${item.action} ${item.stepName}`)).toEqual([
      'case.started 一般审批（受理·审查·决定）',
      'task.claimed 受理',
      'task.completed 受理',
      'task.completed 审查',
      'task.completed 决定',
    ]);
    expect(finished.body.history[4]).toMatchObject({ actor: 'leader', decision: 'grant', comment: '准予许可', statusAfter: 'completed' });
    const projection = await api.govflow.store.models.tasks.find({ caseId: application.id }).lean();
    expect(projection.map((task) => `${task.stepId}:${task.status}:${task.completedBy}:${task.decision}`).sort()).toEqual([
      'accept:completed:clerk:accept',
      'decide:completed:leader:grant',
      'review:completed:clerk:pass',
    ]);
    expect((await api.call('supervisor', 'GET', `/api/cases/${application.id}/audit/verify`)).body).toEqual({ ok: true, entries: 5 });
  });

  it('ends at "refused" when the window refuses, routed by the decision variable', async () => {
    const application = await submit('不予受理的申请');
    const accept = await currentTask(application.id);
    const refused = await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'refuse', comment: '不属于本机关职权范围' });
    expect(refused.body).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
  });

  it('shows the applicant their case without staff names, and the public its progress by receipt number and code', async () => {
    const application = await submit();
    const own = await api.call('applicant', 'GET', `/api/cases/${application.id}`);
    expect(own.body).toMatchObject({ status: 'running', queryCode: application.queryCode, currentSteps: [{ name: '受理', assignee: null }] });
    expect(own.body.history[0]).not.toHaveProperty('actor');

    const progress = await api.call(undefined, 'GET', `/api/public/progress/${application.receiptNo}?code=${application.queryCode}`);
    expect(progress.status).toBe(200);
    expect(Object.keys(progress.body).sort()).toEqual(['acceptance', 'awaiting', 'createdAt', 'currentSteps', 'dueDate', 'endedAt', 'opinions', 'outcome', 'receiptNo', 'status', 'updatedAt']);
    expect(progress.body.opinions).toEqual([]);
    expect(progress.body).toMatchObject({ status: 'running', currentSteps: ['受理'] });
    const wrongCode = await api.call(undefined, 'GET', `/api/public/progress/${application.receiptNo}?code=WRONGCODE`);
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.type).toContain('application/problem+json');
  });

  it('lets the applicant withdraw before the decision, cancelling the open task, and not after', async () => {
    const application = await submit();
    const accept = await currentTask(application.id);
    const withdrawn = await api.call('applicant', 'POST', `/api/cases/${application.id}/withdraw`, { reason: '材料有误，重新申请' });
    expect(withdrawn.body).toEqual({ id: application.id, status: 'withdrawn' });
    const task = await api.govflow.store.models.tasks.findById(accept.taskId).lean();
    expect(task?.status).toBe('cancelled');
    const late = await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'accept' });
    expect(late.status).toBe(409);

    // a decided case can no longer be withdrawn
    const decided = await submit();
    for (const [user, decision] of [['clerk', 'accept'], ['clerk', 'pass'], ['leader', 'deny']]) {
      const step = await currentTask(decided.id);
      expect((await api.call(user, 'POST', `/api/tasks/${step.taskId}/complete`, { decision })).status).toBe(200);
    }
    const tooLate = await api.call('applicant', 'POST', `/api/cases/${decided.id}/withdraw`, {});
    expect(tooLate.status).toBe(409);
  });

  it('keeps running cases on the version they started with after a redeploy', async () => {
    const application = await submit();
    const deployed = await api.call('designer', 'GET', '/api/definitions/general-approval');
    expect(deployed.body.versions.map((item: { version: number }) => item.version)).toEqual([1]);
    const changed = deployed.body.latest.xml.replace('name="审查"', 'name="实质审查"');
    const redeployed = await api.call('designer', 'POST', '/api/definitions', changed);
    expect(redeployed.status).toBe(201);
    const version = redeployed.body.version;
    expect(version).toBeGreaterThan(1);
    const listed = await api.call('clerk', 'GET', '/api/definitions');
    expect(listed.body.items).toEqual([expect.objectContaining({ key: 'general-approval', latestVersion: version, name: '一般审批（受理·审查·决定）' })]);

    const accept = await currentTask(application.id);
    const next = await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'accept' });
    expect(next.body.nextTasks[0].name).toBe('审查');
    const newer = await submit();
    const newerView = await api.call('supervisor', 'GET', `/api/cases/${newer.id}`);
    expect(newerView.body.version).toBe(version);
  });

  it('asks for one of the offered decisions', async () => {
    const application = await submit();
    const accept = await currentTask(application.id);
    const missing = await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { comment: 'no decision' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: '/decision', message: 'must be one of "accept", "refuse"' }]);
    const view = await api.call('supervisor', 'GET', `/api/cases/${application.id}`);
    expect(view.body.history).toHaveLength(1);
  });
});
