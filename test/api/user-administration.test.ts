import { startTestApi, type ApiResponse, type TestApi, passwordOf } from '../support/test-govflow';

/** Signs in with a bearer pair on `api`. */
async function signIn(api: TestApi, username: string, password = passwordOf(username)): Promise<{ token: string; refreshToken: string }> {
  const answer = await api.call(undefined, 'POST', '/api/auth/token', { username, password });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function asToken(api: TestApi, token: string, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  return api.call(undefined, method, path, body, { authorization: `Bearer ${token}` });
}

/** Calls until `done` holds, for at most `withinMs`; answers how long it took. */
async function within(withinMs: number, probe: () => Promise<ApiResponse>, done: (answer: ApiResponse) => boolean): Promise<{ ms: number; answer: ApiResponse }> {
  const started = Date.now();
  for (;;) {
    const answer = await probe();
    if (done(answer)) return { ms: Date.now() - started, answer };
    if (Date.now() - started > withinMs) throw new Error(`still ${answer.status} ${JSON.stringify(answer.body)} after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('user administration: revocation on every node, roles from the current account, audited', () => {
  let nodeA: TestApi;
  let nodeB: TestApi;
  beforeAll(async () => {
    nodeA = await startTestApi({}, { accountCacheMs: 1500 });
    // a second API node on the same store, as behind a load balancer
    nodeB = await startTestApi({ dbName: nodeA.govflow.options.dbName, queuePrefix: nodeA.govflow.options.queuePrefix }, { seed: false, accountCacheMs: 1500 });
  });
  afterAll(async () => {
    await nodeB.close();
    await nodeA.close();
  });

  it('refuses a disabled user on the second node within seconds, and the tokens from before even after enabling', async () => {
    // given clerk2 signed in on node A, whose token node B has just accepted (and cached)
    const { token, refreshToken } = await signIn(nodeA, 'clerk2');
    expect((await asToken(nodeB, token, 'GET', '/api/tasks?scope=mine')).status).toBe(200);
    // when an admin disables clerk2 on node A
    const disabled = await nodeA.call('admin', 'POST', '/api/users/clerk2/disable');
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ username: 'clerk2', disabled: true });
    // then node A refuses at once, node B within its cache's seconds
    expect((await asToken(nodeA, token, 'GET', '/api/tasks?scope=mine')).status).toBe(401);
    const onB = await within(5000, () => asToken(nodeB, token, 'GET', '/api/tasks?scope=mine'), (answer) => answer.status === 401);
    expect(onB.ms).toBeLessThan(3000);
    expect(onB.answer.type).toContain('application/problem+json');
    expect(onB.answer.body.detail).toBe('this account is disabled');
    // and nothing new can be had: no sign-in, no refresh
    const again = await nodeB.call(undefined, 'POST', '/api/auth/token', { username: 'clerk2', password: passwordOf('clerk2') });
    expect([again.status, again.body.detail]).toEqual([401, 'this account is disabled']);
    expect((await nodeB.call(undefined, 'POST', '/api/auth/refresh', { refreshToken })).status).toBe(401);

    // when enabled again, clerk2 signs in, but the token from before stays refused
    expect((await nodeB.call('admin', 'POST', '/api/users/clerk2/enable')).body).toMatchObject({ disabled: false });
    const fresh = await signIn(nodeA, 'clerk2');
    expect((await asToken(nodeA, fresh.token, 'GET', '/api/tasks?scope=mine')).status).toBe(200);
    const old = await within(5000, () => asToken(nodeA, token, 'GET', '/api/tasks?scope=mine'), (answer) => answer.status === 401 && answer.body.detail !== 'this account is disabled');
    expect(old.answer.body.detail).toBe('this session was ended by an administrator; sign in again');
    expect((await nodeA.call(undefined, 'POST', '/api/auth/refresh', { refreshToken })).status).toBe(401);
  });

  it('takes roles from the current account: a role change shows on the second node within seconds, both ways', async () => {
    // given dana, an applicant created by an admin, holding a token
    const created = await nodeA.call('admin', 'POST', '/api/users', { username: 'dana', password: passwordOf('dana'), roles: ['applicant'] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ username: 'dana', name: null, roles: ['applicant'], department: null, departmentName: null, groups: [], disabled: false, createdAt: expect.any(String) });
    const { token } = await signIn(nodeA, 'dana');
    expect((await asToken(nodeB, token, 'GET', '/api/tasks?scope=mine')).status).toBe(403);
    // when she becomes a clerk of the market bureau
    const set = await nodeA.call('admin', 'PUT', '/api/users/dana/access', { roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] });
    expect(set.body).toMatchObject({ roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] });
    // then the same token reaches the inbox on node B within seconds, and no longer applies
    const allowed = await within(5000, () => asToken(nodeB, token, 'GET', '/api/tasks?scope=mine'), (answer) => answer.status === 200);
    expect(allowed.ms).toBeLessThan(3000);
    expect((await asToken(nodeB, token, 'GET', '/api/auth/session')).body).toEqual({ username: 'dana', name: null, roles: ['clerk'], department: 'market-bureau', departmentName: null, groups: ['window@market-bureau'] });
    // and back: the inbox is refused again
    await nodeB.call('admin', 'PUT', '/api/users/dana/access', { roles: ['applicant'], department: null, groups: [] });
    await within(5000, () => asToken(nodeA, token, 'GET', '/api/tasks?scope=mine'), (answer) => answer.status === 403);
  });

  it('lets only administrators list and change users, without password hashes, a page at a time', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/users'],
      ['POST', '/api/users', { username: 'eve', password: passwordOf('eve'), roles: ['admin'] }],
      ['POST', '/api/users/clerk/disable'],
      ['PUT', '/api/users/clerk/access', { roles: ['admin'] }],
      ['GET', '/api/users/clerk/audit'],
    ] as Array<[string, string, unknown?]>) {
      const clerk = await nodeA.call('clerk', method, path, body);
      expect(`${method} ${path}: ${clerk.status} ${clerk.type}`).toBe(`${method} ${path}: 403 application/problem+json`);
      expect((await nodeA.call(undefined, method, path, body)).status).toBe(401);
    }
    expect((await nodeA.call('admin', 'GET', '/api/users/eve')).status).toBe(404);

    const first = await nodeA.call('admin', 'GET', '/api/users?limit=3');
    const all = await nodeA.call('admin', 'GET', '/api/users?limit=500');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.total).toBe(all.body.items.length);
    expect(all.body.items.map((user: { username: string }) => user.username)).toEqual([...all.body.items.map((user: { username: string }) => user.username)].sort());
    expect(JSON.stringify(all.body)).not.toMatch(/passwordHash|scrypt/);
    const second = await nodeA.call('admin', 'GET', '/api/users?limit=3&offset=3');
    expect(second.body.items[0]).toEqual(all.body.items[3]);

    expect((await nodeA.call('admin', 'POST', '/api/users/admin/disable')).status).toBe(409);
    const wizard = await nodeA.call('admin', 'PUT', '/api/users/clerk/access', { roles: ['wizard'] });
    expect([wizard.status, wizard.body.errors]).toEqual([422, [{ path: 'roles', message: expect.stringContaining('must be some of') }]]);
    expect((await nodeA.call('admin', 'POST', '/api/users/ghost/enable')).status).toBe(404);
  });

  it('audits each change on the user\'s own hash chain, which an admin can verify', async () => {
    // given the changes the tests above made to clerk2 and dana
    const clerk2 = await nodeA.call('admin', 'GET', '/api/users/clerk2/audit');
    expect(clerk2.body.items.map((entry: { action: string; actor: string; seq: number }) => [entry.seq, entry.action, entry.actor])).toEqual([
      [1, 'user.disabled', 'admin'],
      [2, 'user.enabled', 'admin'],
    ]);
    const dana = await nodeB.call('admin', 'GET', '/api/users/dana/audit');
    expect(dana.body.items.map((entry: { action: string; detail: unknown }) => [entry.action, entry.detail])).toEqual([
      ['user.created', { roles: ['applicant'], department: null, groups: [] }],
      ['user.access-set', { roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] }],
      ['user.access-set', { roles: ['applicant'], department: null, groups: [] }],
    ]);
    expect((await nodeA.call('admin', 'GET', '/api/users/dana/audit/verify')).body).toEqual({ ok: true, entries: 3 });
    // the case chains are untouched by it
    expect(await nodeA.govflow.store.models.audit.countDocuments({ caseId: { $in: ['dana', 'clerk2'] } })).toBe(0);

    // when someone edits an entry in the store, or removes the newest
    await nodeA.govflow.store.models.userAudit.updateOne({ _id: 'dana:00000002' }, { $set: { detail: '{"roles":["admin"]}' } });
    expect((await nodeA.call('admin', 'GET', '/api/users/dana/audit/verify')).body).toMatchObject({ ok: false, problem: { seq: 2, reason: 'content does not match its hash' } });
    await nodeA.govflow.store.models.userAudit.deleteOne({ _id: 'clerk2:00000002' });
    expect((await nodeA.call('admin', 'GET', '/api/users/clerk2/audit/verify')).body).toMatchObject({ ok: false, problem: { reason: 'the chain ends at 1 but the user record holds 2 entries' } });
  });
});
