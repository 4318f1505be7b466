import type { Actor } from '../../engine';
import { CopyCase } from '../../engine/runtime';
import { startTestApi, type TestApi, passwordOf } from '../support/test-govflow';

/**
 * 抄送 goes only to members of staff and the groups they hold, and a copy is for reading: the
 * copied reader sees what their role may see, acts on nothing, and a copy recorded before these
 * rules to an applicant (or to someone demoted since) grants nothing.
 */
describe('copies (抄送) through the API', () => {
  let api: TestApi;
  const clerk: Actor = { username: 'clerk', roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau', 'licensing-section@market-bureau'] };

  beforeAll(async () => {
    api = await startTestApi();
    // a leader of a department that never handles the case, one who will be demoted, and an
    // applicant holding a group (the directory lets any user hold one)
    await api.govflow.users.add({ username: 'tax-leader', password: passwordOf('tax-leader'), roles: ['leader'], department: 'tax-bureau', groups: ['leader@tax-bureau'] });
    await api.govflow.users.add({ username: 'archivist', password: passwordOf('archivist'), roles: ['clerk'], department: 'archive-office', groups: ['reader@archive-office'] });
    await api.govflow.users.add({ username: 'corp-applicant', password: passwordOf('corp-applicant'), roles: ['applicant'], groups: ['staff@applicant-corp'] });
  });
  afterAll(() => api.close());

  /** A running case whose first step was done with an internal opinion; it waits on 审查 now. */
  async function caseWithHistory(): Promise<{ caseId: string; taskId: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '抄送', data: {} });
    const caseId = started.body.id as string;
    const first = (await api.call('clerk', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId;
    expect((await api.call('clerk', 'POST', `/api/tasks/${first}/complete`, { decision: 'accept', comment: '内部意见：材料需核实' })).status).toBe(200);
    const taskId = (await api.call('clerk', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId as string;
    return { caseId, taskId };
  }

  /** What a copy would write: the case head's revision, its audit entries, its notifications. */
  async function written(caseId: string): Promise<{ rev: number | undefined; audit: number; notifications: number }> {
    const { cases, audit, notifications } = api.govflow.store.collections;
    const head = await cases.findOne({ _id: caseId });
    return { rev: head?.rev, audit: await audit.countDocuments({ caseId }), notifications: await notifications.countDocuments({ caseId }) };
  }

  /** Signs in afresh (the suite's helper keeps the first token of each user). */
  async function freshToken(user: string): Promise<Record<string, string>> {
    const answer = await api.call(undefined, 'POST', '/api/auth/token', { username: user, password: passwordOf(user) });
    expect(answer.status).toBe(200);
    return { authorization: `Bearer ${answer.body.token}` };
  }

  it('refuses applicants, unknown names and groups no member of staff holds with 422, and writes nothing', async () => {
    const { caseId, taskId } = await caseWithHistory();
    const before = await written(caseId);
    const refusals: Array<{ path: string; body: Record<string, unknown>; refused: Array<{ path: string; name: string }> }> = [
      { path: `/api/cases/${caseId}/copy`, body: { users: ['other-applicant'] }, refused: [{ path: '/users/0', name: 'other-applicant' }] },
      { path: `/api/cases/${caseId}/copy`, body: { users: ['not-yet-hired'] }, refused: [{ path: '/users/0', name: 'not-yet-hired' }] },
      { path: `/api/cases/${caseId}/copy`, body: { users: ['designer'] }, refused: [{ path: '/users/0', name: 'designer' }] },
      { path: `/api/cases/${caseId}/copy`, body: { groups: ['window@nowhere'] }, refused: [{ path: '/groups/0', name: 'window@nowhere' }] },
      { path: `/api/cases/${caseId}/copy`, body: { groups: ['staff@applicant-corp'] }, refused: [{ path: '/groups/0', name: 'staff@applicant-corp' }] },
      // one bad recipient among good ones refuses the whole copy, naming only the bad ones
      {
        path: `/api/tasks/${taskId}/copy`,
        body: { users: ['clerk2', 'applicant', 'ghost'], groups: ['leader@market-bureau', 'review@nowhere'] },
        refused: [
          { path: '/users/1', name: 'applicant' },
          { path: '/users/2', name: 'ghost' },
          { path: '/groups/1', name: 'review@nowhere' },
        ],
      },
    ];
    for (const { path, body, refused } of refusals) {
      const answer = await api.call('clerk', 'POST', path, body);
      expect(answer.status).toBe(422);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual(refused.map((item) => item.path));
      refused.forEach((item, index) => expect(answer.body.errors[index].message).toContain(`"${item.name}"`));
    }
    expect(await written(caseId)).toEqual(before);
    expect((await api.call('other-applicant', 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action)).not.toContain('case.copied');
  });

  it("gives a copied member of staff the staff view to read, and no operation on the case", async () => {
    const { caseId, taskId } = await caseWithHistory();
    await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId, department: 'market-bureau', message: '请说明进度' });
    const noticeId = (await api.call('clerk', 'GET', '/api/supervision/notices?awaitingReply=true')).body.items.find((item: { caseId: string }) => item.caseId === caseId).id;
    expect((await api.call('clerk', 'POST', `/api/cases/${caseId}/copy`, { users: ['outsider', 'tax-leader'], note: '供参阅' })).status).toBe(200);

    // outsider (a clerk of tax-bureau) reads the staff view: who did what, and the internal opinion
    const view = await api.call('outsider', 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.opinions).toEqual([expect.objectContaining({ stepId: 'accept', by: 'clerk', text: '内部意见：材料需核实' })]);
    expect(view.body.history.map((item: { actor: string }) => item.actor)).toContain('clerk');
    expect(view.body.countersigns).toEqual([]);
    expect(view.body.queryCode).toBeUndefined();
    expect((await api.call('outsider', 'GET', `/api/cases/${caseId}/diagram`)).status).toBe(200);
    expect((await api.call('outsider', 'GET', `/api/tasks/${taskId}`)).status).toBe(200);
    expect((await api.call('outsider', 'GET', '/api/cases?scope=copied')).body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);

    const before = await written(caseId);
    const readOnly = (answer: { status: number; body: { detail: string } }) => {
      expect(answer.status).toBe(403);
      expect(answer.body.detail).toMatch(/copied to you .* not act on it/);
    };
    readOnly(await api.call('outsider', 'POST', `/api/tasks/${taskId}/claim`));
    readOnly(await api.call('outsider', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'pass' }));
    readOnly(await api.call('outsider', 'POST', `/api/tasks/${taskId}/return`, { reason: '退回' }));
    readOnly(await api.call('outsider', 'POST', `/api/tasks/${taskId}/copy`, { users: ['clerk2'] }));
    readOnly(await api.call('outsider', 'POST', `/api/cases/${caseId}/copy`, { users: ['clerk2'] }));
    readOnly(await api.call('outsider', 'POST', `/api/cases/${caseId}/clock/pause`, { kind: 'special-procedure', reason: '检验' }));
    readOnly(await api.call('outsider', 'POST', `/api/cases/${caseId}/messages/payment`, {}));
    // a leader of another department: no urge, no transfer, no extension through a copy
    readOnly(await api.call('tax-leader', 'POST', `/api/tasks/${taskId}/urge`, { message: '请加快' }));
    readOnly(await api.call('tax-leader', 'POST', `/api/tasks/${taskId}/transfer`, { to: 'clerk2', reason: '调整' }));
    readOnly(await api.call('tax-leader', 'POST', `/api/cases/${caseId}/clock/extend`, { extension: '10WD', reason: '复杂' }));
    // the notice went to market-bureau: the copied readers do not even see it
    expect((await api.call('outsider', 'POST', `/api/supervision/notices/${noticeId}/reply`, { explanation: '与我无关' })).status).toBe(404);
    expect((await api.call('tax-leader', 'POST', `/api/supervision/notices/${noticeId}/reply`, { explanation: '与我无关' })).status).toBe(404);
    expect(await written(caseId)).toEqual(before);

    // the case's own handlers still act: the copy took nothing from them
    expect((await api.call('leader', 'POST', `/api/tasks/${taskId}/urge`, {})).status).toBe(200);
  });

  it('lets a copy follow the reader\'s role now: demoted to applicant, they read nothing', async () => {
    const { caseId } = await caseWithHistory();
    expect((await api.call('clerk', 'POST', `/api/cases/${caseId}/copy`, { users: ['archivist'], groups: ['reader@archive-office'] })).status).toBe(200);
    expect((await api.call('archivist', 'GET', `/api/cases/${caseId}`)).body.opinions[0].by).toBe('clerk');

    expect((await api.call('admin', 'PUT', '/api/users/archivist/access', { roles: ['applicant'] })).status).toBe(200);
    const demoted = await freshToken('archivist');
    expect((await api.call(undefined, 'GET', `/api/cases/${caseId}`, undefined, demoted)).status).toBe(404);
    expect((await api.call(undefined, 'GET', `/api/cases/${caseId}/diagram`, undefined, demoted)).status).toBe(404);
    expect((await api.call(undefined, 'GET', '/api/cases?scope=copied', undefined, demoted)).body).toEqual({ items: [], total: 0, names: { people: {}, units: {} } });
    expect((await api.call(undefined, 'POST', `/api/tasks/${(await api.call('clerk', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId}/urge`, {}, demoted)).status).toBe(404);
  });

  it('grants nothing through a copy recorded before copies were checked, to an applicant or a group only an applicant holds', async () => {
    const { caseId } = await caseWithHistory();
    // pre-fix data: the command itself, as the unchecked API ran it, writes revision, head and audit
    await api.govflow.executor.run(new CopyCase(caseId, ['other-applicant'], ['staff@applicant-corp'], '旧数据'), clerk);
    expect((await api.govflow.store.collections.cases.findOne({ _id: caseId }))?.copiedTo).toEqual({ users: ['other-applicant'], groups: ['staff@applicant-corp'] });
    const taskId = (await api.call('clerk', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId;

    for (const user of ['other-applicant', 'corp-applicant']) {
      expect((await api.call(user, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
      expect((await api.call(user, 'GET', `/api/cases/${caseId}/diagram`)).status).toBe(404);
      expect((await api.call(user, 'GET', '/api/cases?scope=copied')).body).toEqual({ items: [], total: 0, names: { people: {}, units: {} } });
      expect((await api.call(user, 'POST', `/api/tasks/${taskId}/urge`, { message: '催一下' })).status).toBe(404);
    }
    // the case's own applicant still reads the applicant's view, without staff names or internal opinions
    const own = await api.call('applicant', 'GET', `/api/cases/${caseId}`);
    expect(own.body.opinions).toEqual([]);
    expect(own.body.history.every((item: Record<string, unknown>) => !('actor' in item))).toBe(true);
    expect(own.body.countersigns).toBeUndefined();
  });
});
