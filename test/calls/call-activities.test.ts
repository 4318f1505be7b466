import { join } from 'node:path';
import { DeadlineWorker } from '../../engine';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, 'fixtures', name));

/**
 * Call activities against the real services: the licence calls 现场核查 as a child case, with
 * variables in and out; withdrawing the licence ends the child; deploy refuses a call of a
 * process that is not deployed.
 */
describe('call activities', () => {
  let api: TestApi;
  let worker: DeadlineWorker;

  beforeAll(async () => {
    api = await startTestApi();
    worker = DeadlineWorker.start(api.govflow);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const caseOf = async (id: string, user = 'admin') => (await api.call(user, 'GET', `/api/cases/${id}`)).body;
  const complete = async (caseId: string, stepId: string, body: Record<string, unknown> = {}) => {
    const taskId = (await caseOf(caseId)).currentSteps.find((step: { stepId: string }) => step.stepId === stepId).taskId;
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, body)).status).toBe(200);
  };

  it('refuses to deploy a call of a process that is not deployed, naming the call', async () => {
    const refused = await api.call('designer', 'POST', '/api/definitions', fixture('food-license.bpmn'));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: 'inspection', message: expect.stringContaining('calls the process "site-inspection", which is not deployed') }]);
    expect((await api.call('designer', 'GET', '/api/definitions/food-license')).status).toBe(404);
    // once the called process is deployed, so is the caller
    expect((await api.call('designer', 'POST', '/api/definitions', fixture('site-inspection.bpmn'))).status).toBe(201);
    expect((await api.call('designer', 'POST', '/api/definitions', fixture('food-license.bpmn'))).status).toBe(201);
  });

  async function licenceAtInspection(address: string): Promise<{ parentId: string; childId: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'food-license', title: `${address} 食品经营许可`, data: { address, applicantName: '张三' } });
    const parentId = started.body.id as string;
    await complete(parentId, 'accept');
    const parent = await caseOf(parentId);
    expect(parent.children).toEqual([expect.objectContaining({ stepId: 'inspection', name: '现场核查', processKey: 'site-inspection' })]);
    const childId = parent.children[0].caseId as string;
    await until(async () => (await api.call('admin', 'GET', `/api/cases/${childId}`)).status === 200);
    return { parentId, childId };
  }

  it('runs the called process as a child case with the variables in, and goes on with the result out', async () => {
    // given a licence accepted at the window
    const { parentId, childId } = await licenceAtInspection('幸福路 1 号');

    // then the child runs 现场核查 with the mapped variables, linked to its parent, readable by the applicant
    const child = await caseOf(childId);
    expect(child).toMatchObject({ processKey: 'site-inspection', status: 'running', applicant: 'applicant', parent: { caseId: parentId, stepId: 'inspection' } });
    expect(child.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['inspect']);
    const childCase = await api.govflow.store.models.cases.findById(childId).lean();
    expect(childCase?.variables).toEqual({ siteAddress: '幸福路 1 号', contact: '张三' });
    expect((await api.call('applicant', 'GET', `/api/cases/${childId}`)).status).toBe(200);
    expect((await caseOf(parentId)).currentSteps).toEqual([]);

    // when the inspector passes the site
    await complete(childId, 'inspect', { decision: 'pass' });

    // then the child ends and the parent goes on to its decision with the result
    await until(async () => (await caseOf(parentId)).currentSteps.some((step: { stepId: string }) => step.stepId === 'decide'));
    expect((await caseOf(childId)).status).toBe('completed');
    const parentCase = await api.govflow.store.models.cases.findById(parentId).lean();
    expect(parentCase?.variables.inspectionResult).toBe('pass');
    expect((await caseOf(parentId)).children).toEqual([]);
    const audit = (await api.call('admin', 'GET', `/api/cases/${parentId}/audit`)).body.items.map((entry: { action: string }) => entry.action);
    expect(audit).toEqual(['case.started', 'task.completed', 'call.returned']);
  });

  it('ends the child when the applicant withdraws the parent while it runs', async () => {
    const { parentId, childId } = await licenceAtInspection('和平街 8 号');
    const withdrawn = await api.call('applicant', 'POST', `/api/cases/${parentId}/withdraw`, { reason: '不再经营' });
    expect(withdrawn.status).toBe(200);
    await until(async () => (await caseOf(childId)).status === 'terminated');
    const child = await caseOf(childId);
    expect(child.currentSteps).toEqual([]);
    expect(child.history.at(-1)).toMatchObject({ action: 'case.terminated' });
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=claimable')).body.items.map((task: { caseId: string }) => task.caseId)).not.toContain(childId);
  });

  it('tells the parent of a child that ended without doing its work, as an incident at the call', async () => {
    const { parentId, childId } = await licenceAtInspection('解放路 3 号');
    // the child's applicant (the parent's) withdraws the child itself
    expect((await api.call('applicant', 'POST', `/api/cases/${childId}/withdraw`, {})).status).toBe(200);
    await until(async () => (await api.call('admin', 'GET', '/api/incidents?status=open&limit=100')).body.items.some((item: { caseId: string }) => item.caseId === parentId), 20_000, async () => JSON.stringify({ parent: await caseOf(parentId), child: (await caseOf(childId)).status, jobs: await api.govflow.deadlines.queue.getJobCounts(), failed: (await api.govflow.deadlines.queue.getFailed()).map((job) => [job.name, job.failedReason]) }));
    const incident = (await api.call('admin', 'GET', '/api/incidents?status=open&limit=100')).body.items.find((item: { caseId: string }) => item.caseId === parentId);
    expect(incident).toMatchObject({ elementId: 'inspection', elementName: '现场核查', error: expect.stringContaining('ended withdrawn'), retryable: true });
    expect((await caseOf(parentId)).status).toBe('running');

    // when an administrator retries it, the call runs a fresh child, which the parent waits for
    expect((await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`)).body.status).toBe('resolved');
    const fresh = (await caseOf(parentId)).children[0].caseId as string;
    expect(fresh).not.toBe(childId);
    await until(async () => (await api.call('admin', 'GET', `/api/cases/${fresh}`)).status === 200);
    await complete(fresh, 'inspect', { decision: 'fail' });
    await until(async () => (await caseOf(parentId)).status === 'completed');
  });

  it('starts a lost child again on reconcile, once', async () => {
    const { parentId, childId } = await licenceAtInspection('人民路 5 号');
    // given a child whose start Redis lost: its case is gone from the store
    await api.govflow.store.models.cases.deleteOne({ _id: childId });
    await api.govflow.store.models.caseRevisions.deleteMany({ caseId: childId });
    // when reconcile runs twice
    await api.govflow.reconcileDeadlines();
    await api.govflow.reconcileDeadlines();
    // then the child runs again, one case
    await until(async () => (await api.call('admin', 'GET', `/api/cases/${childId}`)).status === 200);
    expect((await caseOf(childId)).parent.caseId).toBe(parentId);
    expect(await api.govflow.store.models.cases.countDocuments({ 'parent.caseId': parentId })).toBe(1);
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000, state: () => Promise<string> = async () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`the condition did not come true in time ${await state()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
