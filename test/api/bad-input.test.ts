import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { bpmn, passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, 'fixtures', name));

describe('bad input is refused with a clear 4xx and changes nothing', () => {
  let api: TestApi;
  let caseId: string;
  let taskId: string;

  beforeAll(async () => {
    api = await startTestApi();
    caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '基线', data: {} })).body.id;
    taskId = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId;
  });
  afterAll(() => api.close());

  /** Counts of every collection a request could change. */
  async function snapshot(): Promise<Record<string, number>> {
    const { models } = api.govflow.store;
    const [cases, definitions, tasks, audit, users] = await Promise.all([
      models.cases.countDocuments(),
      models.definitions.countDocuments(),
      models.tasks.countDocuments({ assignee: { $ne: null } }),
      models.audit.countDocuments(),
      models.users.countDocuments(),
    ]);
    return { cases, definitions, claimedTasks: tasks, audit, users };
  }

  async function expectRefused(user: string | undefined, method: string, path: string, body: unknown, status: number, detail: RegExp, headers?: Record<string, string>): Promise<any> {
    const before = await snapshot();
    const answer = await api.call(user, method, path, body, headers);
    expect({ status: answer.status, type: answer.type }).toEqual({ status, type: expect.stringContaining('application/problem+json') });
    expect(`${answer.body.detail} ${JSON.stringify(answer.body.errors ?? [])}`).toMatch(detail);
    expect(await snapshot()).toEqual(before);
    return answer.body;
  }

  describe('deploying a model', () => {
    it('refuses malformed XML', async () => {
      const problem = await expectRefused('designer', 'POST', '/api/definitions', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x"', 422, /not BPMN 2.0 XML|cannot read/);
      expect(problem.errors[0].path).toBe('body');
    });

    it('refuses an XML entity bomb', async () => {
      const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
      const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${laughs}]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">&lol9;</bpmn:definitions>`;
      await expectRefused('designer', 'POST', '/api/definitions', bomb, 422, /DOCTYPE or ENTITY/);
    });

    it('refuses an external entity', async () => {
      const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" name="&secret;" isExecutable="true"/></bpmn:definitions>`;
      await expectRefused('designer', 'POST', '/api/definitions', xxe, 422, /DOCTYPE or ENTITY/);
    });

    it('refuses a model with a script task, naming the element', async () => {
      const problem = await expectRefused('designer', 'POST', '/api/definitions', fixture('script-task.bpmn'), 422, /script tasks are disabled/);
      expect(problem.errors).toContainEqual({ path: 'script', message: expect.stringContaining('govflow/no-script') });
    });

    it('refuses a user task nobody may act on', async () => {
      const problem = await expectRefused('designer', 'POST', '/api/definitions', fixture('nobody-acts.bpmn'), 422, /names nobody who may act/);
      expect(problem.errors).toContainEqual({ path: 'review', message: expect.stringContaining('govflow/user-task-actor') });
    });

    it('refuses a body that is not XML', async () => {
      await expectRefused('designer', 'POST', '/api/definitions', { xml: '<x/>' }, 415, /application\/xml/);
    });

    it('refuses a 10 MB model', async () => {
      const huge = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><!--${'x'.repeat(10 * 1024 * 1024)}--></bpmn:definitions>`;
      await expectRefused('designer', 'POST', '/api/definitions', huge, 413, /larger than this endpoint accepts/);
    });
  });

  describe('starting a case', () => {
    it('refuses an unknown process key', async () => {
      await expectRefused('applicant', 'POST', '/api/cases', { processKey: 'no-such-process', title: 't', data: {} }, 404, /process "no-such-process" was not found/);
    });

    it('refuses invalid JSON', async () => {
      const before = await snapshot();
      const response = await fetch(`${api.url}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${(await api.call(undefined, 'POST', '/api/auth/token', { username: 'applicant', password: passwordOf('applicant') })).body.token}` },
        body: '{"processKey": "general-approval", "title": ',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((await response.json()).detail).toMatch(/^the request body is not valid JSON: /);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a 10 MB JSON body', async () => {
      await expectRefused('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: 't', data: { blob: 'x'.repeat(10 * 1024 * 1024) } }, 413, /larger than this endpoint accepts/);
    });

    it.each([
      ['processKey', { processKey: { $ne: null }, title: 't', data: {} }, /\/processKey/],
      ['title', { processKey: 'general-approval', title: { $where: 'sleep(1000)' }, data: {} }, /\/title/],
      ['a data key', { processKey: 'general-approval', title: 't', data: { $where: 'sleep(1000)' } }, /\/data/],
      ['a dotted data key', { processKey: 'general-approval', title: 't', data: { 'a.b': 1 } }, /\/data/],
      ['an unknown field', { processKey: 'general-approval', title: 't', data: {}, status: 'completed' }, /status/],
    ])('refuses an operator object or unknown name in %s', async (_where, body, pointer) => {
      await expectRefused('applicant', 'POST', '/api/cases', body, 400, pointer);
    });

    it('refuses a malformed Idempotency-Key', async () => {
      await expectRefused('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: 't', data: {} }, 400, /Idempotency-Key/, { 'idempotency-key': 'x'.repeat(200) });
    });
  });

  describe('signing in and working tasks', () => {
    it('refuses an operator object as a username', async () => {
      await expectRefused(undefined, 'POST', '/api/auth/token', { username: { $ne: null }, password: { $ne: null } }, 400, /\/username/);
    });

    it('refuses an operator object as a decision and keeps the task open', async () => {
      await expectRefused('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: { $ne: null } }, 400, /\/decision/);
      await expectRefused('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', data: { $set: { status: 'completed' } } }, 400, /\/data/);
      const view = await api.call('supervisor', 'GET', `/api/cases/${caseId}`);
      expect(view.body.currentSteps[0].taskId).toBe(taskId);
    });

    it('answers 404 for a task id that never existed and for an operator-looking id', async () => {
      await expectRefused('clerk', 'POST', `/api/tasks/${caseId}.nothing_here/complete`, { decision: 'accept' }, 404, /task .* was not found/);
      await expectRefused('clerk', 'POST', `/api/tasks/${encodeURIComponent('{"$ne":null}')}/claim`, undefined, 404, /was not found/);
    });

    it('refuses an unknown inbox scope', async () => {
      await expectRefused('clerk', 'GET', '/api/tasks?scope=everything', undefined, 400, /scope/);
    });
  });

  describe('bodies the store cannot hold, and methods a path does not take', () => {
    it.each([
      ['a $-prefixed key', { shop: { $where: 'x' } }, '/data/shop/$where'],
      ['a dotted key', { owners: [{ 'name.first': '王' }] }, '/data/owners/0/name.first'],
      ['a NUL in a key', { 'a\u0000b': 1 }, '/data/a\u0000b'],
    ])('refuses %s nested in start data, at its JSON pointer, and takes no receipt number', async (_, data, pointer) => {
      const receipts = await api.govflow.store.models.receipts.countDocuments();
      const refused = await expectRefused('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '坏键', data }, 400, /cannot be stored/);
      expect(refused.errors).toEqual([{ path: pointer, message: expect.stringMatching(/\$ or contain \. or NUL/) }]);
      expect(await api.govflow.store.models.receipts.countDocuments()).toBe(receipts);
    });

    it('refuses a bad key nested in completion data', async () => {
      await expectRefused('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', data: { note: { '$gt': 1 } } }, 400, /cannot be stored/);
    });

    it('refuses a body nested deeper than 32 levels before validating it, even thousands deep', async () => {
      // written as text: JSON.stringify itself overflows long before such depths
      const deep = `${'{"x":'.repeat(2500)}1${'}'.repeat(2500)}`;
      const body = `{"processKey":"general-approval","title":"深","data":{"deep":${deep}}}`;
      await expectRefused('applicant', 'POST', '/api/cases', body, 400, /nested deeper than 32 levels/, { 'content-type': 'application/json' });
    });

    it.each([
      ['a sign-in name', undefined, 'POST', '/api/auth/token', { username: 'cl\u0000erk', password: 'x' }, '/username'],
      ['a title', 'applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '坏\u0000字', data: {} }, '/title'],
      ['a value nested in start data', 'applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '坏值', data: { owners: [{ name: '王\u0000' }] } }, '/data/owners/0/name'],
      ['an XML draft', 'designer', 'PUT', '/api/definitions/nul-draft/draft', '<bpmn:definitions>\u0000</bpmn:definitions>', '/'],
      ['a path parameter', 'clerk', 'GET', '/api/tasks/a%00b', undefined, 'id'],
      ['a query parameter', undefined, 'GET', '/api/public/progress/X-1?code=ab%00cd', undefined, 'code'],
    ])('refuses a NUL character in %s with 400 at its place, before it reaches the store', async (_, user, method, path, body, place) => {
      const refused = await expectRefused(user, method, path, body, 400, /NUL/);
      expect(refused.errors).toEqual([{ path: place, message: 'text may not contain NUL (U+0000)' }]);
      expect(await api.govflow.store.models.drafts.countDocuments()).toBe(0);
    });

    it('answers TRACE, which the router implements nowhere, with 405 problem+json and Allow rather than 501', async () => {
      // fetch refuses to send TRACE: node:http does
      const response = await new Promise<IncomingMessage>((resolve, reject) => request(`${api.url}/api/cases`, { method: 'TRACE' }, resolve).on('error', reject).end());
      response.resume();
      expect(response.statusCode).toBe(405);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers.allow).toMatch(/GET.*POST|POST.*GET/);
    });

    it('answers a method a path does not take with 405 problem+json and Allow', async () => {
      const response = await fetch(`${api.url}/api/definitions`, { method: 'DELETE' });
      expect(response.status).toBe(405);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('allow')).toMatch(/GET.*POST|POST.*GET/);
      expect((await response.json()).detail).toMatch(/DELETE is not allowed on \/api\/definitions; use /);
    });
  });
});
