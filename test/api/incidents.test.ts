import { join } from 'node:path';
import { DeadlineWorker } from '../../engine';
import type { TimerJob } from '../../engine/deadlines';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, 'fixtures', name));

/**
 * A failure at run time is an incident on the case, never a 500 to a clerk: a gateway no flow of
 * which the clerk's amount satisfies, a one-per-name step after a timer whose list is no list,
 * a start whose first step is such a step. Each answers (or, from the worker, records) an
 * incident naming the element; nothing of the failed command is kept; an administrator retries
 * it or a later success settles it.
 */
describe('incidents: runtime failures of the process engine', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    for (const name of ['incident-gateway.bpmn', 'incident-timer.bpmn', 'incident-start.bpmn', 'incident-message.bpmn']) {
      expect((await api.call('designer', 'POST', '/api/definitions', fixture(name))).status).toBeLessThan(300);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  async function startCase(processKey: string, title: string, data: Record<string, unknown> = {}): Promise<string> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey, title, data });
    expect(started.status).toBe(201);
    return started.body.id as string;
  }

  const caseOf = async (id: string) => (await api.call('admin', 'GET', `/api/cases/${id}`)).body;
  const taskAt = async (caseId: string, stepId: string): Promise<string> => (await caseOf(caseId)).currentSteps.find((step: { stepId: string }) => step.stepId === stepId).taskId;
  const incidents = async (status: 'open' | 'resolved', user = 'admin') => (await api.call(user, 'GET', `/api/incidents?status=${status}&limit=100`)).body;
  const incidentOf = async (caseId: string, status: 'open' | 'resolved' = 'open') => (await incidents(status)).items.find((item: { caseId: string }) => item.caseId === caseId);
  const auditActions = async (caseId: string) => (await api.call('admin', 'GET', `/api/cases/${caseId}/audit`)).body.items.map((entry: { action: string }) => entry.action);

  it('answers a completion that fails at a gateway with 409 naming the element, keeps nothing of it, and settles the incident when the clerk completes again with a number', async () => {
    // given a case waiting at 核定金额 whose applicant stated an amount that is no number
    const caseId = await startCase('incident-gateway', '罚没款项处理（金额有误）', { amount: '很多' });
    const taskId = await taskAt(caseId, 'assess');
    const before = await caseOf(caseId);

    // when the clerk completes the step leaving the amount as stated, 金额判断 cannot route on it
    const failed = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { comment: '已核定' });

    // then a 409 problem names the gateway, and the case is as it was
    expect(failed.status).toBe(409);
    expect(failed.type).toContain('application/problem+json');
    expect(failed.body.title).toBe('incident');
    expect(failed.body.detail).toContain('金额判断');
    expect(failed.body.detail).toContain('amountCheck');
    expect(failed.body.errors).toEqual([{ path: 'amountCheck', message: expect.any(String) }]);
    const after = await caseOf(caseId);
    expect(after.status).toBe('running');
    expect(after.currentSteps).toEqual(before.currentSteps);
    expect(after.opinions).toEqual([]);
    expect((await api.call('clerk', 'GET', `/api/tasks/${taskId}`)).body.status).toBe('open');
    expect(await auditActions(caseId)).toEqual(['case.started', 'incident.opened']);

    // and an incident is listed for the administrator and the supervision office, with names
    const incident = await incidentOf(caseId);
    expect(incident).toMatchObject({
      status: 'open',
      caseTitle: '罚没款项处理（金额有误）',
      processKey: 'incident-gateway',
      processName: '罚没款项处理',
      version: 1,
      elementId: 'amountCheck',
      elementName: '金额判断',
      command: 'CompleteTask',
      actor: 'clerk',
      attempts: 1,
      retryable: true,
      resolvedBy: null,
    });
    expect(incident.error).toBe(failed.body.errors[0].message);
    expect(Date.parse(incident.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await incidents('open', 'supervisor')).items.map((item: { id: string }) => item.id)).toContain(incident.id);

    // when the administrator retries it as recorded, it fails again: the same incident counts the attempt
    const retried = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(retried.status).toBe(409);
    expect(retried.body.title).toBe('incident');
    expect(retried.body.detail).toContain(incident.id);
    const again = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { comment: '再次核定' });
    expect(again.status).toBe(409);
    const counted = (await incidents('open')).items.filter((item: { caseId: string }) => item.caseId === caseId);
    expect(counted).toEqual([expect.objectContaining({ id: incident.id, attempts: 3 })]);
    expect(Date.parse(counted[0].at)).toBeGreaterThanOrEqual(Date.parse(incident.at));
    expect(await auditActions(caseId)).toEqual(['case.started', 'incident.opened', 'incident.recurred', 'incident.recurred']);
    const entries = (await api.call('admin', 'GET', `/api/cases/${caseId}/audit`)).body.items;
    expect(entries.map((entry: { actor: string }) => entry.actor)).toEqual(['applicant', 'clerk', 'admin', 'clerk']);

    // when the clerk completes with the amount corrected to a number, the case goes on and the incident is resolved by that success
    const done = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { data: { amount: 500 }, comment: '已核定' });
    expect(done.status).toBe(200);
    expect(done.body.nextTasks.map((task: { stepId: string }) => task.stepId)).toEqual(['leaderReview']);
    expect(await incidentOf(caseId)).toBeUndefined();
    expect(await incidentOf(caseId, 'resolved')).toMatchObject({ id: incident.id, status: 'resolved', resolution: 'succeeded-later', resolvedBy: 'clerk', retryable: false, attempts: 3 });
    expect(await auditActions(caseId)).toEqual(['case.started', 'incident.opened', 'incident.recurred', 'incident.recurred', 'task.completed', 'incident.resolved']);
    expect((await api.call('admin', 'GET', `/api/cases/${caseId}/audit/verify`)).body).toMatchObject({ ok: true, entries: 6 });
    // the applicant follows the steps, not the office's incidents
    expect((await api.call('applicant', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'task.completed']);
    // a resolved incident is not retried
    const late = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('resolved already');
  });

  it('records a timer the worker fires into a failure, keeps failing on retry, and goes through on retry once the case data is fixed', async () => {
    // given a case whose expert review, after its publicity timer, is one instance per name in a list that is no list
    const caseId = await startCase('incident-timer', '专家评审（名单待补）', { reviewers: '王专家' });
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const timer = jobs.map((job) => job.data as TimerJob).find((job) => job.caseId === caseId && job.stepId === 'publicity');
    expect(timer).toBeDefined();

    // when the worker fires the timer
    const worker = DeadlineWorker.start(api.govflow, 2);
    try {
      const queued = await api.govflow.deadlines.queue.getJob(timer!.id);
      await queued!.promote();
      // the job is done: its failure is the incident's to keep, not BullMQ's to repeat
      for (let wait = 0; wait < 100 && (await queued!.getState()) !== 'unknown'; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queued!.getState()).toBe('unknown');
    } finally {
      await worker.close();
    }

    // then the case records an incident at the review step, by govflow itself, and still waits at the timer
    const incident = await incidentOf(caseId);
    expect(incident).toMatchObject({ elementId: 'expertReview', elementName: '专家评审', command: 'FireTimer', actor: 'system', attempts: 1, retryable: true, caseTitle: '专家评审（名单待补）' });
    expect((await caseOf(caseId)).currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['namelist']);
    expect(await auditActions(caseId)).toEqual(['case.started', 'incident.opened']);

    // when the administrator retries before the list is fixed, it fails again
    const retried = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(retried.status).toBe(409);
    expect(retried.body.errors).toEqual([{ path: 'expertReview', message: expect.any(String) }]);
    expect(await incidentOf(caseId)).toMatchObject({ id: incident.id, attempts: 2 });

    // when a clerk fixes the list in the other branch, that success is elsewhere: the incident stays open
    const listed = await api.call('clerk', 'POST', `/api/tasks/${await taskAt(caseId, 'namelist')}/complete`, { data: { reviewers: ['王专家', '李专家'] } });
    expect(listed.status).toBe(200);
    expect(await incidentOf(caseId)).toMatchObject({ id: incident.id, attempts: 2 });

    // then the administrator's retry goes through: the timer fires, the review opens per name, the incident is resolved
    const resolved = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: incident.id, status: 'resolved', resolution: 'retried', resolvedBy: 'admin', attempts: 2 });
    expect(Date.parse(resolved.body.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await caseOf(caseId)).currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['expertReview', 'expertReview']);
    expect(await incidentOf(caseId)).toBeUndefined();
    expect(await auditActions(caseId)).toEqual(['case.started', 'incident.opened', 'incident.recurred', 'task.completed', 'timer.fired', 'incident.resolved']);
    expect((await api.call('admin', 'GET', `/api/cases/${caseId}/audit/verify`)).body.ok).toBe(true);
  });

  it('records a message delivery that fails in the engine, and settles it when the message arrives again with a known result', async () => {
    const caseId = await startCase('incident-message', '抽样检测（结论不明）');
    const deliver = (result: string) => api.call('admin', 'POST', `/api/cases/${caseId}/messages/lab-report`, { variables: { result } });

    const failed = await deliver('待定');
    expect(failed.status).toBe(409);
    expect(failed.body.errors).toEqual([{ path: 'verdict', message: expect.any(String) }]);
    expect((await caseOf(caseId)).awaiting).toEqual(['lab-report']);
    const incident = await incidentOf(caseId);
    expect(incident).toMatchObject({ elementId: 'verdict', elementName: '检测结论', command: 'DeliverMessage', actor: 'admin', attempts: 1, retryable: true });
    expect((await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`)).status).toBe(409);
    expect(await incidentOf(caseId)).toMatchObject({ id: incident.id, attempts: 2 });

    const delivered = await deliver('pass');
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('completed');
    expect(await incidentOf(caseId, 'resolved')).toMatchObject({ id: incident.id, resolution: 'succeeded-later', resolvedBy: 'admin' });
  });

  it('answers a start that fails in the engine with 409 naming the element, creates no case, and records the incident by process version', async () => {
    const mine = async () => (await api.call('applicant', 'GET', '/api/cases?scope=mine&limit=100')).body.total as number;
    const casesBefore = await mine();

    const failed = await api.call('applicant', 'POST', '/api/cases', { processKey: 'incident-start', title: '联名申请（名单缺失）', data: { signers: 3 } });

    expect(failed.status).toBe(409);
    expect(failed.body.title).toBe('incident');
    expect(failed.body.detail).toContain('联名确认');
    expect(failed.body.errors).toEqual([{ path: 'cosign', message: expect.any(String) }]);
    expect(await mine()).toBe(casesBefore);
    const incident = (await incidents('open')).items.find((item: { processKey: string }) => item.processKey === 'incident-start');
    expect(incident).toMatchObject({ caseId: null, receiptNo: null, caseTitle: '联名申请（名单缺失）', version: 1, elementId: 'cosign', elementName: '联名确认', command: 'StartCase', actor: 'applicant', attempts: 1, retryable: false });

    // the same start failing again counts an attempt on the same incident
    expect((await api.call('applicant', 'POST', '/api/cases', { processKey: 'incident-start', title: '联名申请（再次）', data: {} })).status).toBe(409);
    const counted = (await incidents('open')).items.filter((item: { processKey: string }) => item.processKey === 'incident-start');
    expect(counted).toEqual([expect.objectContaining({ id: incident.id, attempts: 2, caseTitle: '联名申请（再次）' })]);

    // it cannot be re-run (there is no case), and an administrator closes it once dealt with
    const retried = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(retried.status).toBe(409);
    expect(retried.body.title).toBe('conflict');
    expect(retried.body.detail).toContain('no case exists');
    const closed = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/close`, { note: '已告知申请人补全联名名单后重新申报' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'resolved', resolution: 'closed', resolvedBy: 'admin' });
    const logged = await api.govflow.store.models.adminLog.find({ target: incident.id }).sort({ at: 1 }).lean();
    expect(logged.map((entry) => [entry.action, entry.actor])).toEqual([
      ['incident.opened', 'applicant'],
      ['incident.recurred', 'applicant'],
      ['incident.closed', 'admin'],
    ]);
  });

  it('lets only administrators and the supervision office read incidents, and only administrators retry or close them', async () => {
    const caseId = await startCase('incident-gateway', '罚没款项处理（权限）', { amount: '不详' });
    expect((await api.call('clerk', 'POST', `/api/tasks/${await taskAt(caseId, 'assess')}/complete`, {})).status).toBe(409);
    const incident = await incidentOf(caseId);
    expect(incident).toBeDefined();

    expect((await api.call('clerk', 'GET', '/api/incidents')).status).toBe(403);
    expect((await api.call('applicant', 'GET', '/api/incidents')).status).toBe(403);
    expect((await api.call('supervisor', 'GET', `/api/incidents/${encodeURIComponent(incident.id)}`)).status).toBe(200);
    const bySupervisor = await api.call('supervisor', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(bySupervisor.status).toBe(403);
    expect(bySupervisor.type).toContain('application/problem+json');
    expect((await api.call('supervisor', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/close`, { note: '不归我管' })).status).toBe(403);
    expect(await incidentOf(caseId)).toMatchObject({ id: incident.id, attempts: 1, status: 'open' });
    expect((await api.call('admin', 'POST', '/api/incidents/incident~nothing~1/retry')).status).toBe(404);
    expect((await api.call('admin', 'GET', '/api/incidents?status=lost')).status).toBe(400);

    // the administrator closes it; the case's audit says so and the list pages with its total
    expect((await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/close`, { note: '金额已线下核定' })).status).toBe(200);
    expect(await auditActions(caseId)).toEqual(['case.started', 'incident.opened', 'incident.resolved']);
    const page = await api.call('admin', 'GET', '/api/incidents?status=resolved&limit=1&offset=0');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    const paths = (await api.call(undefined, 'GET', '/api/openapi.json')).body.paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/incidents', '/incidents/{id}', '/incidents/{id}/retry', '/incidents/{id}/close']));
    expect(paths['/incidents/{id}/retry'].post['x-roles']).toEqual(['admin']);
  });
});
