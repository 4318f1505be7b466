import { SignJWT } from 'jose';
import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

type Who = 'anonymous' | 'applicant' | 'clerk' | 'leader' | 'supervisor' | 'designer' | 'admin' | 'system';
const everyone: Who[] = ['anonymous', 'applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin', 'system'];
/** Who calls for each role: the test user of its name, and for the system role a machine client. */
const caller = (who: Who) => (who === 'anonymous' ? undefined : who === 'system' ? 'matrix-system' : who);

/**
 * Who may call what, written out by hand (not derived from the route table), per the issue:
 * each row lists the roles that must get past authorisation; every other caller must get 401
 * (anonymous) or 403.
 */
const matrix: Array<{ route: string; allowed: Who[] | 'all' }> = [
  { route: 'POST /api/definitions', allowed: ['designer', 'admin'] },
  { route: 'GET /api/definitions', allowed: ['designer', 'clerk', 'leader', 'admin'] },
  { route: 'GET /api/definitions/{key}', allowed: ['designer', 'clerk', 'leader', 'admin'] },
  { route: 'GET /api/definitions/{key}/versions/{version}', allowed: ['designer', 'clerk', 'leader', 'admin'] },
  { route: 'PUT /api/definitions/{key}/draft', allowed: ['designer', 'admin'] },
  { route: 'GET /api/definitions/{key}/draft', allowed: ['designer', 'admin'] },
  { route: 'GET /api/drafts', allowed: ['designer', 'admin'] },
  { route: 'GET /api/directory', allowed: ['designer', 'admin', 'clerk', 'leader', 'supervisor'] },
  { route: 'GET /api/directory/staff', allowed: ['designer', 'admin', 'clerk', 'leader', 'supervisor'] },
  { route: 'GET /api/cases/{id}/diagram', allowed: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'] },
  { route: 'GET /api/cases/{id}/approval-sheet', allowed: ['clerk', 'leader', 'supervisor', 'admin'] },
  { route: 'POST /api/cases', allowed: ['applicant', 'clerk', 'leader'] },
  { route: 'GET /api/cases/{id}', allowed: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'] },
  { route: 'POST /api/cases/{id}/withdraw', allowed: ['applicant'] },
  { route: 'POST /api/cases/{id}/rating', allowed: ['applicant'] },
  { route: 'POST /api/cases/{id}/deferred-materials', allowed: ['applicant'] },
  { route: 'POST /api/webhooks', allowed: ['admin'] },
  { route: 'GET /api/webhooks', allowed: ['admin'] },
  { route: 'GET /api/webhooks/{id}/deliveries', allowed: ['admin'] },
  { route: 'POST /api/webhooks/{id}/disable', allowed: ['admin'] },
  { route: 'GET /api/auth/providers', allowed: 'all' },
  { route: 'PUT /api/users/{username}/identity', allowed: ['admin'] },
  { route: 'GET /api/cases', allowed: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'] },
  { route: 'POST /api/cases/{id}/copy', allowed: ['clerk', 'leader'] },
  { route: 'GET /api/public/progress/{receiptNo}', allowed: 'all' },
  { route: 'GET /api/services', allowed: 'all' },
  { route: 'GET /api/services/{key}', allowed: 'all' },
  { route: 'POST /api/files', allowed: ['applicant', 'clerk', 'leader'] },
  { route: 'GET /api/files/{id}', allowed: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'] },
  { route: 'GET /api/tasks', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/claim', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/unclaim', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/complete', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/transfer', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/delegate', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/resolve', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/urge', allowed: ['applicant', 'supervisor', 'leader'] },
  { route: 'GET /api/tasks/{id}', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/return', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/withdraw', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/add-signer', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/tasks/{id}/copy', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/cases/{id}/messages/{name}', allowed: ['clerk', 'leader', 'admin'] },
  { route: 'GET /api/cases/{id}/audit', allowed: ['supervisor', 'admin'] },
  { route: 'GET /api/cases/{id}/audit/verify', allowed: ['supervisor', 'admin'] },
  { route: 'POST /api/cases/{id}/clock/pause', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/cases/{id}/clock/resume', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/cases/{id}/clock/extend', allowed: ['leader'] },
  { route: 'POST /api/cases/{id}/supplement', allowed: ['applicant'] },
  { route: 'GET /api/supervision/alerts', allowed: ['supervisor', 'admin', 'clerk', 'leader'] },
  { route: 'GET /api/supervision/alerts/{id}', allowed: ['supervisor', 'admin', 'clerk', 'leader'] },
  { route: 'POST /api/supervision/alerts/{id}/close', allowed: ['supervisor'] },
  { route: 'POST /api/supervision/notices', allowed: ['supervisor'] },
  { route: 'GET /api/supervision/notices', allowed: ['supervisor', 'admin', 'clerk', 'leader'] },
  { route: 'POST /api/supervision/notices/{id}/reply', allowed: ['clerk', 'leader'] },
  { route: 'POST /api/supervision/notices/{id}/accept', allowed: ['supervisor'] },
  { route: 'POST /api/supervision/notices/{id}/reject', allowed: ['supervisor'] },
  { route: 'POST /api/supervision/notices/{id}/reissue', allowed: ['supervisor'] },
  { route: 'POST /api/supervision/notices/{id}/close', allowed: ['supervisor'] },
  { route: 'GET /api/supervision/figures', allowed: ['supervisor', 'admin'] },
  { route: 'GET /api/supervision/figures/cases', allowed: ['supervisor', 'admin'] },
  { route: 'GET /api/notifications', allowed: ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'] },
  { route: 'POST /api/notifications/seen', allowed: ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'] },
  { route: 'POST /api/external-tasks/fetch-and-lock', allowed: ['system'] },
  { route: 'POST /api/external-tasks/{taskId}/complete', allowed: ['system'] },
  { route: 'POST /api/external-tasks/{taskId}/failure', allowed: ['system'] },
  { route: 'POST /api/external-tasks/{taskId}/bpmn-error', allowed: ['system'] },
  { route: 'POST /api/external-tasks/{taskId}/extend-lock', allowed: ['system'] },
  { route: 'POST /api/external-tasks/{taskId}/unlock', allowed: ['system'] },
  { route: 'GET /api/external-tasks', allowed: ['admin', 'supervisor'] },
  { route: 'GET /api/clients', allowed: ['admin'] },
  { route: 'POST /api/clients', allowed: ['admin'] },
  { route: 'GET /api/clients/{clientId}', allowed: ['admin'] },
  { route: 'PUT /api/clients/{clientId}/topics', allowed: ['admin'] },
  { route: 'POST /api/clients/{clientId}/secret', allowed: ['admin'] },
  { route: 'POST /api/clients/{clientId}/revoke', allowed: ['admin'] },
  { route: 'GET /api/calendars', allowed: ['admin', 'supervisor', 'clerk', 'leader', 'designer'] },
  { route: 'GET /api/calendars/{year}', allowed: ['admin', 'supervisor', 'clerk', 'leader', 'designer'] },
  { route: 'PUT /api/calendars/{year}', allowed: ['admin'] },
  { route: 'GET /api/org/units', allowed: ['admin', 'designer', 'clerk', 'leader', 'supervisor'] },
  { route: 'GET /api/org/units/{code}', allowed: ['admin', 'designer', 'clerk', 'leader', 'supervisor'] },
  { route: 'POST /api/org/units', allowed: ['admin'] },
  { route: 'PUT /api/org/units/{code}', allowed: ['admin'] },
  { route: 'POST /api/org/import', allowed: ['admin'] },
  { route: 'GET /api/org/units/{code}/audit', allowed: ['admin'] },
  { route: 'GET /api/org/units/{code}/audit/verify', allowed: ['admin'] },
  { route: 'GET /api/templates', allowed: ['designer', 'admin', 'supervisor'] },
  { route: 'POST /api/templates', allowed: ['designer', 'admin'] },
  { route: 'POST /api/templates/{key}/adopt', allowed: ['designer', 'admin'] },
  { route: 'GET /api/templates/{key}/adoptions', allowed: ['designer', 'admin', 'supervisor'] },
];

describe('role-based access over every route', () => {
  let api: TestApi;
  let caseId: string;
  let receiptNo: string;
  let queryCode: string;
  let taskId: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.addClient('matrix-system', ['credit-check']);
    await api.addClient('matrix-other', ['registry-lookup']);
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '权限矩阵', data: {} });
    ({ id: caseId, receiptNo, queryCode } = started.body);
    taskId = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId;
  });
  afterAll(() => api.close());

  function request(route: string): { method: string; path: string; body?: unknown } {
    const [method, template] = route.split(' ');
    const path = template
      .replace('{key}', 'general-approval')
      .replace('{id}', template.startsWith('/api/tasks') ? taskId : caseId)
      .replace('{receiptNo}', `${receiptNo}?code=${queryCode}`)
      .replace('{year}', '2026')
      .replace('{name}', 'payment')
      .replace('{version}', '1')
      .replace('{taskId}', `${caseId}.no-such-execution`)
      .replace('{clientId}', 'matrix-other')
      .replace('{code}', 'no-such-unit')
      .replace('{username}', 'clerk');
    const bodies: Record<string, unknown> = {
      'POST /api/definitions': '<not-bpmn/>',
      'PUT /api/definitions/{key}/draft': '<not-bpmn/>',
      'POST /api/cases': { processKey: 'no-such-process', title: 'x', data: {} },
      'POST /api/cases/{id}/withdraw': {},
      'POST /api/cases/{id}/rating': { stage: 'completion', score: 5 },
      'POST /api/cases/{id}/deferred-materials': { attachments: [] },
      'POST /api/webhooks': { name: '矩阵', url: 'ftp://matrix.invalid/', events: ['case.decided'] },
      'PUT /api/users/{username}/identity': { subject: null },
      'POST /api/tasks/{id}/complete': { decision: 'not-offered' },
      'PUT /api/calendars/{year}': { year: 2026 },
      'POST /api/tasks/{id}/transfer': { to: 'nobody', reason: '测试' },
      'POST /api/tasks/{id}/delegate': { to: 'nobody' },
      'POST /api/tasks/{id}/resolve': {},
      'POST /api/tasks/{id}/urge': {},
      'POST /api/tasks/{id}/return': { reason: '测试退回' },
      'POST /api/tasks/{id}/withdraw': {},
      'POST /api/tasks/{id}/add-signer': { signer: 'nobody' },
      'POST /api/tasks/{id}/copy': {},
      'POST /api/cases/{id}/messages/{name}': {},
      'POST /api/external-tasks/fetch-and-lock': { workerId: 'matrix', topics: [{ name: 'credit-check', lockMs: 5_000 }] },
      'POST /api/external-tasks/{taskId}/complete': { workerId: 'matrix' },
      'POST /api/external-tasks/{taskId}/failure': { workerId: 'matrix', message: '测试', retries: 0 },
      'POST /api/external-tasks/{taskId}/bpmn-error': { workerId: 'matrix', code: 'TEST' },
      'POST /api/external-tasks/{taskId}/extend-lock': { workerId: 'matrix', lockMs: 5_000 },
      'POST /api/external-tasks/{taskId}/unlock': { workerId: 'matrix' },
      'POST /api/clients': { clientId: 'matrix-issued', topics: ['credit-check'] },
      'PUT /api/clients/{clientId}/topics': { topics: ['registry-lookup'] },
      'POST /api/cases/{id}/copy': { users: ['supervisor'] },
      'POST /api/cases/{id}/clock/pause': { kind: 'special-procedure', reason: '检验' },
      'POST /api/cases/{id}/clock/resume': {},
      'POST /api/cases/{id}/clock/extend': { extension: '10WD', reason: '复杂' },
      'POST /api/cases/{id}/supplement': {},
      'POST /api/supervision/alerts/{id}/close': { note: '已处理' },
      'POST /api/supervision/notices': { caseId: 'no-such-case', department: 'market-bureau', message: '督办' },
      'POST /api/supervision/notices/{id}/reply': { explanation: '说明' },
      'POST /api/supervision/notices/{id}/accept': {},
      'POST /api/supervision/notices/{id}/reject': { reason: '请补充说明' },
      'POST /api/supervision/notices/{id}/reissue': { reason: '请尽快答复' },
      'POST /api/supervision/notices/{id}/close': { comment: '已另行处理' },
      'POST /api/org/units': { code: 'matrix-unit', name: '矩阵', kind: 'bureau', parent: 'no-such-unit' },
      'PUT /api/org/units/{code}': { name: '矩阵', kind: 'bureau', parent: null },
      'POST /api/org/import': { units: [{ code: 'matrix-unit', name: '矩阵', kind: 'bureau', parent: 'no-such-unit' }] },
      'POST /api/templates': { processKey: 'no-such-process' },
      'POST /api/templates/{key}/adopt': {},
    };
    const queries: Record<string, string> = { 'GET /api/cases': '?scope=mine', 'GET /api/tasks': '?scope=claimable', 'GET /api/supervision/figures': '?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', 'GET /api/supervision/figures/cases': '?group=market-bureau&figure=received&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z' };
    return { method, path: `${path}${queries[route] ?? ''}`, body: bodies[route] };
  }

  it.each(matrix)('$route', async ({ route, allowed }) => {
    const { method, path, body } = request(route);
    for (const who of everyone) {
      const answer = await api.call(caller(who), method, path, body);
      const permitted = allowed === 'all' || allowed.includes(who);
      // a 403 about the role is authorisation; a 403 about the task (not a candidate) comes later
      const refusedByRole = answer.status === 401 || (answer.status === 403 && String(answer.body.detail).includes('needs one of the roles'));
      const expected = permitted ? 'passes authorisation' : `refused with ${who === 'anonymous' ? 401 : 403}`;
      expect(`${who}: ${refusedByRole ? `refused with ${answer.status}` : 'passes authorisation'}`).toBe(`${who}: ${expected}`);
    }
  });

  async function freshCase(): Promise<{ id: string; taskId: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '可见性', data: {} });
    const view = await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`);
    return { id: started.body.id, taskId: view.body.currentSteps[0].taskId };
  }

  it('shows an applicant only their own cases', async () => {
    const { id: caseId } = await freshCase();
    expect((await api.call('other-applicant', 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await api.call('other-applicant', 'POST', `/api/cases/${caseId}/withdraw`, {})).status).toBe(404);
    expect((await api.call('applicant', 'GET', `/api/cases/${caseId}`)).status).toBe(200);
  });

  it('shows a clerk only tasks their groups may act on, and cases of their department', async () => {
    const { id: caseId, taskId } = await freshCase();
    const outsiderInbox = await api.call('outsider', 'GET', '/api/tasks?scope=claimable');
    expect(outsiderInbox.body.items).toEqual([]);
    expect((await api.call('outsider', 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await api.call('outsider', 'POST', `/api/tasks/${taskId}/claim`)).status).toBe(404);
    expect((await api.call('outsider', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept' })).status).toBe(404);
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=claimable')).body.items.map((task: { id: string }) => task.id)).toContain(taskId);
    // the leader's department holds the case, but the step is not theirs
    expect((await api.call('leader', 'POST', `/api/tasks/${taskId}/claim`)).status).toBe(403);
    const view = await api.call('supervisor', 'GET', `/api/cases/${caseId}`);
    expect(view.body.history).toHaveLength(1);
  });

  it('refuses a token that is forged, expired or malformed', async () => {
    const forged = await fetch(`${api.url}/api/tasks`, { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl' } });
    expect(forged.status).toBe(401);
    const expiredToken = await new SignJWT({ roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('clerk')
      .setIssuer('govflow')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(String(process.env.GOVFLOW_JWT_SECRET)));
    const expired = await fetch(`${api.url}/api/tasks`, { headers: { authorization: `Bearer ${expiredToken}` } });
    expect(expired.status).toBe(401);
    expect((await expired.json()).detail).toMatch(/"exp" claim timestamp check failed/);
    const malformed = await fetch(`${api.url}/api/tasks`, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(malformed.status).toBe(401);
    // a stale or malformed header does not break the public routes a browser calls with it
    for (const authorization of [`Bearer ${expiredToken}`, 'Basic YWRtaW46YWRtaW4=']) {
      const signIn = await fetch(`${api.url}/api/auth/token`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: passwordOf('clerk') }) });
      expect(signIn.status).toBe(200);
      const progress = await fetch(`${api.url}/api/public/progress/GF00000000-00000?code=000000`, { headers: { authorization } });
      expect(progress.status).not.toBe(401);
      expect(progress.status).toBeLessThan(500);
    }
    const wrongPassword = await api.call(undefined, 'POST', '/api/auth/token', { username: 'clerk', password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.detail).toBe('wrong username or password');
    const unknownUser = await api.call(undefined, 'POST', '/api/auth/token', { username: 'ghost', password: 'nope' });
    expect(unknownUser.body.detail).toBe('wrong username or password');
  });
});
