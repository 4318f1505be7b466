import { systemActor } from '../../engine';
import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/** People and units by name: users carry a name, answers a page shows send the names of whom they mention, pickers search the address book. */
describe('people and units by name', () => {
  let api: TestApi;
  const units = [
    { code: 'city', name: '市人民政府', kind: 'city', parent: null },
    { code: 'market-bureau', name: '市场监督管理局', kind: 'bureau', parent: 'city' },
    { code: 'east', name: '东城区', kind: 'district', parent: 'city' },
    { code: 'east-market', name: '东城区市场监督管理局', kind: 'bureau', parent: 'east' },
    { code: 'supervision-office', name: '监察室', kind: 'supervision-office', parent: 'city' },
  ];

  beforeAll(async () => {
    api = await startTestApi();
    expect((await api.call('admin', 'POST', '/api/org/import', { units })).status).toBe(200);
    await api.govflow.definitions.deploy(timedApproval(), systemActor);
  });
  afterAll(() => api.close());

  it('creates a user with a name, renames them on their audit chain, and refuses a name that cannot be shown', async () => {
    const created = await api.call('admin', 'POST', '/api/users', { username: 'wang', name: '王芳', password: passwordOf('wang'), roles: ['clerk'], department: 'east-market', groups: ['window@east-market'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'wang', name: '王芳', departmentName: '东城区市场监督管理局' });

    const renamed = await api.call('admin', 'PUT', '/api/users/wang/name', { name: ' 王芳芳 ' });
    expect(renamed.body.name).toBe('王芳芳');
    const audit = await api.call('admin', 'GET', '/api/users/wang/audit');
    expect(audit.body.items.map((entry: { action: string; detail: unknown }) => [entry.action, entry.detail])).toEqual([
      ['user.created', { name: '王芳', roles: ['clerk'], department: 'east-market', groups: ['window@east-market'] }],
      ['user.renamed', { name: '王芳芳' }],
    ]);
    expect((await api.call('admin', 'GET', '/api/users/wang/audit/verify')).body.ok).toBe(true);

    for (const name of ['   ', '王\n芳']) {
      const refused = await api.call('admin', 'PUT', '/api/users/wang/name', { name });
      expect(refused.status).toBe(422);
      expect(refused.type).toBe('application/problem+json');
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    }
    expect((await api.call('admin', 'PUT', '/api/users/nobody/name', { name: '某人' })).status).toBe(404);
    expect((await api.call('clerk', 'PUT', '/api/users/wang/name', { name: '某人' })).status).toBe(403);
    expect((await api.call('admin', 'GET', '/api/users/wang')).body.name).toBe('王芳芳');
  });

  it('sends the names of the people and units a task list, a task and a case mention — and none the applicant’s view hides', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'timed-approval', title: '食品经营许可·名字测试', data: {} });
    const claimable = await api.call('clerk', 'GET', '/api/tasks?scope=claimable');
    const listed = claimable.body.items.find((task: { caseId: string }) => task.caseId === started.body.id);
    expect(listed.candidateGroups).toEqual(['window@market-bureau']);
    expect(claimable.body.names.units).toEqual({ 'market-bureau': '市场监督管理局' });

    expect((await api.call('clerk', 'POST', `/api/tasks/${listed.id}/claim`)).status).toBe(200);
    const mine = await api.call('clerk', 'GET', '/api/tasks?scope=mine');
    expect(mine.body.names.people).toMatchObject({ clerk: '张伟' });
    const opened = await api.call('clerk', 'GET', `/api/tasks/${listed.id}`);
    expect(opened.body.names).toEqual({ people: { clerk: '张伟' }, units: { 'market-bureau': '市场监督管理局' } });

    const staffView = await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`);
    expect(staffView.body.currentSteps[0].assignee).toBe('clerk');
    expect(staffView.body.names.people).toEqual({ applicant: '李明', clerk: '张伟' });

    const ownView = await api.call('applicant', 'GET', `/api/cases/${started.body.id}`);
    expect(ownView.body.currentSteps[0].assignee).toBeNull();
    expect(ownView.body.names.people).toEqual({ applicant: '李明' });
    expect((await api.call('applicant', 'GET', '/api/cases?scope=mine')).body.names.people).toEqual({ applicant: '李明' });
  });

  it('finds colleagues by name, username or unit — with the units under it — and never applicants, machine clients or disabled accounts', async () => {
    const search = async (query: string) => {
      const answer = await api.call('clerk', 'GET', `/api/directory/staff?${query}`);
      expect(answer.status).toBe(200);
      return answer.body.items.map((member: { username: string }) => member.username);
    };
    expect(await search(`q=${encodeURIComponent('刘')}`)).toEqual(['clerk2']);
    expect(await search('q=CLERK')).toEqual(['clerk', 'clerk2']);
    expect(await search(`q=${encodeURIComponent('东城区')}`)).toEqual(['wang']);
    expect(await search(`q=${encodeURIComponent('市人民政府')}`)).toEqual(['clerk', 'clerk2', 'leader', 'supervisor', 'wang']);
    expect(await search('q=applicant')).toEqual([]);
    expect(await search(`q=${encodeURIComponent('市人民政府')}&for=tasks`)).toEqual(['clerk', 'clerk2', 'leader', 'wang']);
    expect(await search('q=.*')).toEqual([]);

    const member = (await api.call('clerk', 'GET', `/api/directory/staff?q=wang`)).body;
    expect(member).toEqual({ items: [{ username: 'wang', name: '王芳芳', department: 'east-market', departmentPath: ['市人民政府', '东城区', '东城区市场监督管理局'], groups: ['window@east-market'] }], total: 1 });
    const paged = await api.call('clerk', 'GET', `/api/directory/staff?limit=2&offset=1`);
    expect(paged.body.total).toBeGreaterThan(3);
    expect(paged.body.items.length).toBe(2);

    await api.call('admin', 'POST', '/api/users/wang/disable');
    expect(await search('q=wang')).toEqual([]);
    expect((await api.call('applicant', 'GET', '/api/directory/staff?q=wang')).status).toBe(403);
    const bad = await api.call('clerk', 'GET', '/api/directory/staff?for=everyone');
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
  });
});
