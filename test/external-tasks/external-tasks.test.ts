import { join } from 'node:path';
import { ExternalTaskClient, type LockedExternalTask } from '../../api/client/external-task-client';
import { BpmnFailure, runWorker } from '../../api/client/external-task-worker';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, 'fixtures', name));

/**
 * External tasks against the real services: a licensing process whose 受理 is followed by the
 * credit bureau's check, done by machine clients through the API — fetch-and-lock, complete,
 * failure, BPMN error, extend and unlock — with the reference worker where a department would use it.
 */
describe('external tasks', () => {
  let api: TestApi;
  let credit: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    api = await startTestApi();
    expect((await api.call('designer', 'POST', '/api/definitions', fixture('credit-licensing.bpmn'))).status).toBeLessThan(300);
    credit = await issueClient('credit-bureau', ['credit-check']);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function issueClient(clientId: string, topics: string[]): Promise<{ clientId: string; clientSecret: string }> {
    const issued = await api.call('admin', 'POST', '/api/clients', { clientId, topics });
    expect(issued.status).toBe(201);
    return issued.body;
  }

  const clientOf = (credentials: { clientId: string; clientSecret: string }) => new ExternalTaskClient({ baseUrl: api.url, ...credentials });

  /** Calls the API as a machine client: its own sign-in, a bearer token per call. */
  async function asClient(credentials: { clientId: string; clientSecret: string }, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const signIn = await api.call(undefined, 'POST', '/api/auth/token', { username: credentials.clientId, password: credentials.clientSecret });
    expect(signIn.status).toBe(200);
    return api.call(undefined, method, path, body, { authorization: `Bearer ${signIn.body.token}`, ...headers });
  }

  const caseOf = async (id: string) => (await api.call('admin', 'GET', `/api/cases/${id}`)).body;
  const auditActions = async (caseId: string) => (await api.call('admin', 'GET', `/api/cases/${caseId}/audit`)).body.items.map((entry: { action: string }) => entry.action);

  /** A case accepted at the window: it waits on the credit check now (unlocked, unless a waiting fetch took it at once). */
  async function acceptedCase(companyName: string, fetchWaiting = false, processKey = 'credit-licensing', topic = 'credit-check'): Promise<{ caseId: string; taskId: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey, title: `${companyName} 食品经营许可`, data: { companyName } });
    expect(started.status).toBe(201);
    const caseId = started.body.id as string;
    const accept = (await caseOf(caseId)).currentSteps[0].taskId as string;
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept}/complete`, { decision: 'accept' })).status).toBe(200);
    const waiting = await caseOf(caseId);
    expect(waiting.externalSteps).toEqual([expect.objectContaining({ stepId: 'creditCheck', name: '信用核查', topic, ...(fetchWaiting ? {} : { lockedBy: null }) })]);
    return { caseId, taskId: waiting.externalSteps[0].taskId };
  }

  /** Locks the case's credit check for `workerId`, passing over other cases' tasks (unlocked again). */
  async function lockOf(client: ExternalTaskClient, workerId: string, taskId: string, lockMs = 10_000): Promise<LockedExternalTask> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const tasks = await client.fetchAndLock({ workerId, topics: [{ name: 'credit-check', lockMs }], max: 20 });
      const mine = tasks.find((task) => task.id === taskId);
      for (const other of tasks.filter((task) => task.id !== taskId)) await client.unlock(other.id, workerId);
      if (mine) return mine;
    }
    throw new Error(`task ${taskId} was never handed out`);
  }

  it('hands the credit check to the bureau’s worker with the mapped inputs, and routes the case on its answer', async () => {
    // given two accepted applications, one of a company with good credit, one without
    const good = await acceptedCase('诚信食品有限公司');
    const bad = await acceptedCase('失信餐饮有限公司');

    // when the bureau's reference worker does the checks
    const controller = new AbortController();
    const seen: LockedExternalTask[] = [];
    const worker = runWorker({
      client: clientOf(credit),
      workerId: 'bureau-1',
      waitMs: 1_000,
      signal: controller.signal,
      topics: {
        'credit-check': {
          lockMs: 30_000,
          handler: async (task) => {
            seen.push(task);
            return { score: String(task.variables.company).startsWith('失信') ? 20 : 90 };
          },
        },
      },
    });
    await until(async () => (await caseOf(bad.caseId)).status === 'completed' && (await caseOf(good.caseId)).currentSteps.length === 1);
    controller.abort();
    await worker;

    // then the worker got exactly the mapped variables, and each case went the way its score says
    const goodTask = seen.find((task) => task.id === good.taskId);
    expect(goodTask).toMatchObject({ topic: 'credit-check', name: '信用核查', processKey: 'credit-licensing', workerId: 'bureau-1', variables: { company: '诚信食品有限公司', purpose: 'license' } });
    const accepted = await caseOf(good.caseId);
    expect(accepted.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['decide']);
    expect(accepted.externalSteps).toEqual([]);
    const refused = await caseOf(bad.caseId);
    expect(refused.status).toBe('completed');
    expect(refused.history.map((item: { stepName: string | null }) => item.stepName)).toContain('信用核查');
    expect(await auditActions(good.caseId)).toEqual(expect.arrayContaining(['external-task.locked', 'external-task.completed']));
    expect((await api.call('admin', 'GET', `/api/cases/${good.caseId}/audit/verify`)).body.ok).toBe(true);
  });

  it('lets exactly one of two racing workers lock a task', async () => {
    // given one waiting credit check, and no other
    await drain(clientOf(credit));
    const { taskId } = await acceptedCase('并发测试有限公司');

    // when two workers of two clients fetch at the same instant
    const rival = await issueClient('credit-bureau-b', ['credit-check']);
    const [first, second] = await Promise.all([
      clientOf(credit).fetchAndLock({ workerId: 'a', topics: [{ name: 'credit-check', lockMs: 10_000 }], max: 5 }),
      clientOf(rival).fetchAndLock({ workerId: 'b', topics: [{ name: 'credit-check', lockMs: 10_000 }], max: 5 }),
    ]);

    // then the task went to one of them only
    const holders = [...first, ...second].filter((task) => task.id === taskId);
    expect(holders).toHaveLength(1);
    const loser = first.some((task) => task.id === taskId) ? { client: clientOf(rival), worker: 'b' } : { client: clientOf(credit), worker: 'a' };
    await expect(loser.client.complete(taskId, loser.worker, { score: 70 })).rejects.toMatchObject({ status: 409 });
  });

  it('refuses a worker whose lock expired, and lets another take the task over and complete it once', async () => {
    // given a task locked by worker a for one second
    const { caseId, taskId } = await acceptedCase('超时测试有限公司');
    const client = clientOf(credit);
    await lockOf(client, 'slow', taskId, 1_000);
    await sleep(1_200);

    // when worker b fetches it and completes it, then the slow worker tries to complete too
    const taken = await lockOf(client, 'fast', taskId);
    await client.complete(taken.id, 'fast', { score: 80 });
    const late = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/complete`, { workerId: 'slow', variables: { score: 10 } });

    // then the late completion is a 409 problem and the case took b's answer only
    expect(late.status).toBe(409);
    expect(late.type).toContain('application/problem+json');
    expect((await caseOf(caseId)).currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['decide']);
    expect((await auditActions(caseId)).filter((action: string) => action === 'external-task.completed')).toHaveLength(1);
  });

  it('refuses a completion whose lock ran out even when nobody took the task', async () => {
    const { taskId } = await acceptedCase('过期锁有限公司');
    const client = clientOf(credit);
    await lockOf(client, 'sleepy', taskId, 1_000);
    await sleep(1_200);
    const late = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/complete`, { workerId: 'sleepy', variables: { score: 90 } });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('expired');
  });

  it('counts retries down on failures to an incident, and fetches the task again once an administrator retries it', async () => {
    // given a task the bureau's system keeps failing on
    const { caseId, taskId } = await acceptedCase('故障测试有限公司');
    const client = clientOf(credit);
    let locked = await lockOf(client, 'w', taskId);
    expect(locked.retries).toBeNull();

    // when it fails with one retry left, is fetched again after the retry time, and fails with none left
    expect(await client.fail(taskId, 'w', { message: '征信系统超时', retries: 1, retryInMs: 1_000 })).toMatchObject({ retries: 1, incidentId: null });
    const early = await client.fetchAndLock({ workerId: 'w', topics: [{ name: 'credit-check', lockMs: 10_000 }], max: 50 });
    expect(early.map((task) => task.id)).not.toContain(taskId);
    for (const other of early) await client.unlock(other.id, 'w');
    await sleep(1_100);
    locked = await lockOf(client, 'w', taskId);
    expect(locked).toMatchObject({ retries: 1, errorMessage: '征信系统超时' });
    const exhausted = await client.fail(taskId, 'w', { message: '征信系统仍不可用', details: 'HTTP 502', retries: 0 });

    // then an incident names the step, and no fetch hands the task out
    expect(exhausted.incidentId).toEqual(expect.any(String));
    const incident = (await api.call('admin', 'GET', '/api/incidents?status=open&limit=100')).body.items.find((item: { caseId: string }) => item.caseId === caseId);
    expect(incident).toMatchObject({ elementId: 'creditCheck', elementName: '信用核查', error: '征信系统仍不可用', command: 'RetryExternalTask', actor: 'credit-bureau', retryable: true });
    const none = await client.fetchAndLock({ workerId: 'w', topics: [{ name: 'credit-check', lockMs: 10_000 }], max: 50 });
    expect(none.map((task) => task.id)).not.toContain(taskId);
    for (const other of none) await client.unlock(other.id, 'w');

    // when the bureau's system is fixed and an administrator retries the incident
    const retried = await api.call('admin', 'POST', `/api/incidents/${encodeURIComponent(incident.id)}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('resolved');

    // then the task is fetched again and completes the case's step
    const again = await lockOf(client, 'w', taskId);
    expect(again.retries).toBe(1);
    await client.complete(taskId, 'w', { score: 75 });
    expect((await caseOf(caseId)).currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['decide']);
  });

  it('takes a BPMN error the model catches along its boundary event, and makes one it does not catch an incident', async () => {
    const client = clientOf(credit);
    // given two waiting checks
    const sealed = await acceptedCase('封存记录有限公司');
    const unknown = await acceptedCase('未知错误有限公司');
    await lockOf(client, 'w', sealed.taskId);
    await lockOf(client, 'w', unknown.taskId);

    // when the bureau reports the sealed record for one, and a code nobody models for the other
    const caught = await client.bpmnError(sealed.taskId, 'w', { code: 'RECORD_SEALED', message: '记录已封存', variables: { sealedSince: '2020-01-01' } });
    const uncaught = await client.bpmnError(unknown.taskId, 'w', { code: 'NO_SUCH_CODE', message: '未定义的错误' });

    // then the first case went on to the manual check with the error's variables, the second stopped as an incident
    expect(caught.incidentId).toBeUndefined();
    const manual = await caseOf(sealed.caseId);
    expect(manual.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['manualCheck']);
    expect(manual.externalSteps).toEqual([]);
    expect(uncaught.incidentId).toEqual(expect.any(String));
    const stopped = await caseOf(unknown.caseId);
    expect(stopped.externalSteps).toEqual([expect.objectContaining({ retries: 0, lastFailure: expect.stringContaining('NO_SUCH_CODE') })]);
  });

  it('extends a lock for its holder only, and an unlocked task is fetched at once by another worker', async () => {
    const { taskId } = await acceptedCase('延长锁有限公司');
    const client = clientOf(credit);
    const locked = await lockOf(client, 'w1', taskId, 5_000);
    const extended = await client.extendLock(taskId, 'w1', 60_000);
    expect(new Date(extended.lockExpiresAt).getTime()).toBeGreaterThan(new Date(locked.lockExpiresAt).getTime());
    await expect(client.extendLock(taskId, 'w2', 60_000)).rejects.toMatchObject({ status: 409 });
    await client.unlock(taskId, 'w1');
    expect((await lockOf(client, 'w2', taskId)).workerId).toBe('w2');
  });

  it('answers a waiting fetch as soon as a task of its topic opens', async () => {
    // a topic of its own: locks other tests leave on credit-check may expire while this fetch waits
    const variant = fixture('credit-licensing.bpmn').replace('id="credit-licensing"', 'id="long-poll-licensing"').replace('camunda:topic="credit-check"', 'camunda:topic="long-poll-check"');
    expect((await api.call('designer', 'POST', '/api/definitions', variant)).status).toBeLessThan(300);
    const client = clientOf(await issueClient('long-poll-bureau', ['long-poll-check']));
    // given a worker waiting up to 20 s for work
    const started = Date.now();
    const waiting = client.fetchAndLock({ workerId: 'poller', topics: [{ name: 'long-poll-check', lockMs: 10_000 }], max: 1, waitMs: 20_000 });
    await sleep(300);
    // when a case reaches the check
    const { taskId } = await acceptedCase('长轮询有限公司', true, 'long-poll-licensing', 'long-poll-check');
    // then the fetch answers with it well before its wait is up
    const [task] = await waiting;
    expect(task?.id).toBe(taskId);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers a retried completion with the same Idempotency-Key from the case, completing once', async () => {
    const { caseId, taskId } = await acceptedCase('幂等测试有限公司');
    await lockOf(clientOf(credit), 'w', taskId);
    const body = { workerId: 'w', variables: { score: 88 } };
    const first = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/complete`, body, { 'idempotency-key': 'credit-complete-1' });
    const again = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/complete`, body, { 'idempotency-key': 'credit-complete-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await auditActions(caseId)).filter((action: string) => action === 'external-task.completed')).toHaveLength(1);
    const unkeyed = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/complete`, body);
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body.detail).toContain('completed');
  });

  it('keeps every role to its own: staff cannot fetch, clients see only their topics and no cases', async () => {
    const { caseId, taskId } = await acceptedCase('权限测试有限公司');
    const registry = await issueClient('business-registry', ['registry-lookup']);

    expect((await api.call('clerk', 'POST', '/api/external-tasks/fetch-and-lock', { workerId: 'x', topics: [{ name: 'credit-check', lockMs: 5_000 }] })).status).toBe(403);
    const foreignTopic = await asClient(registry, 'POST', '/api/external-tasks/fetch-and-lock', { workerId: 'x', topics: [{ name: 'credit-check', lockMs: 5_000 }] });
    expect(foreignTopic.status).toBe(403);
    expect(foreignTopic.body.detail).toContain('credit-check');
    const foreignTask = await asClient(registry, 'POST', `/api/external-tasks/${taskId}/complete`, { workerId: 'x', variables: { score: 99 } });
    expect(foreignTask.status).toBe(404);
    expect((await asClient(credit, 'GET', `/api/cases/${caseId}`)).status).toBe(403);
    expect((await asClient(credit, 'GET', '/api/tasks')).status).toBe(403);
    const listed = await api.call('supervisor', 'GET', '/api/external-tasks?topic=credit-check');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(taskId);
    expect((await asClient(credit, 'GET', '/api/external-tasks')).status).toBe(403);
  });

  it('refuses bad calls with a problem naming the field, and changes nothing', async () => {
    const { caseId, taskId } = await acceptedCase('坏输入有限公司');
    const before = (await auditActions(caseId)).length;
    const cases: Array<[unknown, string]> = [
      [{ workerId: '', topics: [{ name: 'credit-check', lockMs: 5_000 }] }, '/workerId'],
      [{ workerId: 'w', topics: [] }, '/topics'],
      [{ workerId: 'w', topics: [{ name: 'credit-check', lockMs: 10 }] }, '/topics/0/lockMs'],
      [{ workerId: 'w', topics: [{ name: 'credit-check', lockMs: 5_000 }], waitMs: 3_600_000 }, '/waitMs'],
      [{ workerId: 'w', topics: [{ name: 'credit-check', lockMs: 5_000 }, { name: 'credit-check', lockMs: 5_000 }] }, '/topics'],
    ];
    for (const [body, path] of cases) {
      const refused = await asClient(credit, 'POST', '/api/external-tasks/fetch-and-lock', body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const negative = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/failure`, { workerId: 'w', message: 'x', retries: -1 });
    expect(negative.status).toBe(400);
    const badVariable = await asClient(credit, 'POST', `/api/external-tasks/${taskId}/complete`, { workerId: 'w', variables: { $where: 1 } });
    expect(badVariable.status).toBe(400);
    expect((await auditActions(caseId)).length).toBe(before);
  });

  it('refuses a client that was revoked within seconds, and its sign-in at once', async () => {
    const temporary = await issueClient('temporary-system', ['credit-check']);
    const signIn = await api.call(undefined, 'POST', '/api/auth/token', { username: temporary.clientId, password: temporary.clientSecret });
    expect(signIn.status).toBe(200);
    expect((await api.call('admin', 'POST', '/api/clients/temporary-system/revoke')).body.disabled).toBe(true);
    const after = await api.call(undefined, 'POST', '/api/external-tasks/fetch-and-lock', { workerId: 'x', topics: [{ name: 'credit-check', lockMs: 5_000 }] }, { authorization: `Bearer ${signIn.body.token}` });
    expect(after.status).toBe(401);
    expect((await api.call(undefined, 'POST', '/api/auth/token', { username: temporary.clientId, password: temporary.clientSecret })).status).toBe(401);
    const trail = (await api.call('admin', 'GET', '/api/users/temporary-system/audit')).body.items.map((entry: { action: string }) => entry.action);
    expect(trail).toEqual(['client.issued', 'user.disabled']);
  });

  it('answers a BpmnFailure thrown by a reference worker handler as a BPMN error', async () => {
    const { caseId, taskId } = await acceptedCase('参考工作者有限公司');
    const controller = new AbortController();
    const worker = runWorker({
      client: clientOf(credit),
      workerId: 'ref',
      waitMs: 500,
      signal: controller.signal,
      topics: { 'credit-check': { handler: async (task) => (task.id === taskId ? Promise.reject(new BpmnFailure('RECORD_SEALED', '记录封存')) : { score: 90 }) } },
    });
    await until(async () => (await caseOf(caseId)).currentSteps.some((step: { stepId: string }) => step.stepId === 'manualCheck'));
    controller.abort();
    await worker;
  });

  /** Completes every credit check still waiting, so a test can count on the tasks it makes. */
  async function drain(client: ExternalTaskClient): Promise<void> {
    for (;;) {
      const tasks = await client.fetchAndLock({ workerId: 'drain', topics: [{ name: 'credit-check', lockMs: 10_000 }], max: 50 });
      if (tasks.length === 0) return;
      for (const task of tasks) await client.complete(task.id, 'drain', { score: 90 });
    }
  }
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time');
    await sleep(100);
  }
}
