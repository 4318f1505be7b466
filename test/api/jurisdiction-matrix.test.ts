import { join } from 'node:path';
import type { DeadlineJob } from '../../engine/deadlines';
import { bpmn, startTestApi, passwordOf, type ApiResponse, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/**
 * Roles over the organisation tree: a city with 东城区 (east) and 西城区 (west), each with a
 * market bureau, and supervision offices of the city and of east. Whoever acts for one
 * district finds nothing of the other — its processes, drafts, users, cases and cards answer
 * 404 as if they did not exist, placing things there is refused — while the city level sees both.
 */
describe('roles scoped to a unit and its subtree', () => {
  let api: TestApi;
  let now = new Date();
  const cases: Record<'east' | 'west', string> = { east: '', west: '' };

  const units = [
    { code: 'city', name: '市人民政府', kind: 'city', parent: null },
    { code: 'market-bureau', name: '市市场监督管理局', kind: 'bureau', parent: 'city' },
    { code: 'tax-bureau', name: '市税务局', kind: 'bureau', parent: 'city' },
    { code: 'supervision-office', name: '市电子监察室', kind: 'supervision-office', parent: 'city' },
    { code: 'east', name: '东城区', kind: 'district', parent: 'city' },
    { code: 'east-market', name: '东城区市场监督管理局', kind: 'bureau', parent: 'east' },
    { code: 'east-office', name: '东城区电子监察室', kind: 'supervision-office', parent: 'east' },
    { code: 'west', name: '西城区', kind: 'district', parent: 'city' },
    { code: 'west-market', name: '西城区市场监督管理局', kind: 'bureau', parent: 'west' },
  ];

  /** A district's process: the general approval with a clock, worked by the district's market bureau. */
  const districtProcess = (district: 'east' | 'west') => timedApproval(undefined, `${district}-approval`).replaceAll('@market-bureau', `@${district}-market`);

  beforeAll(async () => {
    api = await startTestApi({ now: () => now });
    const imported = await api.call('admin', 'POST', '/api/org/import', { units });
    expect([imported.status, imported.body.created.length]).toEqual([200, units.length]);
    for (const district of ['east', 'west'] as const) {
      const market = `${district}-market`;
      const staff = [
        { username: `${district}-designer`, roles: ['designer'], department: district },
        { username: `${district}-admin`, roles: ['admin'], department: district },
        { username: `${district}-clerk`, roles: ['clerk', 'leader'], department: market, groups: [`window@${market}`, `licensing-section@${market}`, `leader@${market}`] },
      ];
      for (const user of staff) expect((await api.call('admin', 'POST', '/api/users', { ...user, password: passwordOf(user.username) })).status).toBe(201);
    }
    expect((await api.call('admin', 'POST', '/api/users', { username: 'east-supervisor', password: passwordOf('east-supervisor'), roles: ['supervisor'], department: 'east-office' })).status).toBe(201);
    for (const district of ['east', 'west'] as const) {
      expect((await api.call(`${district}-designer`, 'POST', '/api/definitions', districtProcess(district))).status).toBe(201);
      const started = await api.call('applicant', 'POST', '/api/cases', { processKey: `${district}-approval`, title: `${district} 食品经营许可`, data: {} });
      expect(started.status).toBe(201);
      cases[district] = started.body.id;
      await raiseCard(cases[district]);
    }
  });
  afterAll(() => api.close());

  /** Raises the case's first yellow card at its own time, as the deadline worker would. */
  async function raiseCard(caseId: string): Promise<void> {
    const jobs = (await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).map((job) => job.data as DeadlineJob);
    const job = jobs.find((data) => data.caseId === caseId && data.level === 'yellow');
    if (!job) throw new Error(`case ${caseId} has no yellow card job`);
    const before = now;
    now = new Date(job.at);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });
    now = before;
  }

  function expectProblem(answer: ApiResponse, status: number): void {
    expect([answer.status, answer.type]).toEqual([status, expect.stringContaining('application/problem+json')]);
  }

  describe('designers', () => {
    it("cannot read, draft or deploy the other district's process: it does not exist for them", async () => {
      expect((await api.call('west-designer', 'GET', '/api/definitions')).body.items.map((item: { key: string }) => item.key)).toEqual(['west-approval']);
      expectProblem(await api.call('west-designer', 'GET', '/api/definitions/east-approval'), 404);
      expectProblem(await api.call('west-designer', 'GET', '/api/definitions/east-approval/versions/1'), 404);
      expectProblem(await api.call('west-designer', 'POST', '/api/definitions', districtProcess('east')), 404);
      expectProblem(await api.call('west-designer', 'PUT', '/api/definitions/east-approval/draft', districtProcess('east')), 404);
      // east's own draft stays east's
      expect((await api.call('east-designer', 'PUT', '/api/definitions/east-approval/draft', districtProcess('east'))).status).toBe(200);
      expectProblem(await api.call('west-designer', 'GET', '/api/definitions/east-approval/draft'), 404);
      expect((await api.call('west-designer', 'GET', '/api/drafts')).body.items).toEqual([]);
      expect((await api.call('east-designer', 'GET', '/api/drafts')).body.items).toEqual([expect.objectContaining({ key: 'east-approval', unit: 'east', unitName: '东城区' })]);
    });

    it('may not put a new process in a unit outside their district, nor in one that does not exist', async () => {
      const fresh = districtProcess('west').replaceAll('west-approval', 'west-new');
      expectProblem(await api.call('west-designer', 'POST', '/api/definitions?unit=east-market', fresh), 403);
      expectProblem(await api.call('west-designer', 'POST', '/api/definitions?unit=nowhere', fresh), 422);
      expect(await api.govflow.store.models.definitions.countDocuments({ key: 'west-new' })).toBe(0);
      const placed = await api.call('west-designer', 'POST', '/api/definitions?unit=west-market', fresh);
      expect(placed.status).toBe(201);
      expect((await api.call('west-designer', 'GET', '/api/definitions/west-new')).body).toMatchObject({ unit: 'west-market', unitName: '西城区市场监督管理局' });
    });

    it('at the city level see every process, each with its unit', async () => {
      const items = (await api.call('designer', 'GET', '/api/definitions')).body.items as Array<{ key: string; unit: string }>;
      expect(items.map((item) => [item.key, item.unit])).toEqual(expect.arrayContaining([['east-approval', 'east'], ['west-approval', 'west'], ['general-approval', 'city']]));
    });
  });

  describe('administrators', () => {
    it("list, read and change only their district's users", async () => {
      const listed = (await api.call('east-admin', 'GET', '/api/users')).body.items.map((user: { username: string }) => user.username);
      expect(listed.sort()).toEqual(['east-admin', 'east-clerk', 'east-designer', 'east-supervisor']);
      expectProblem(await api.call('east-admin', 'GET', '/api/users/west-clerk'), 404);
      expectProblem(await api.call('east-admin', 'PUT', '/api/users/west-clerk/access', { roles: ['clerk'] }), 404);
      expectProblem(await api.call('east-admin', 'POST', '/api/users/west-clerk/disable'), 404);
      expectProblem(await api.call('east-admin', 'GET', '/api/users/west-clerk/audit'), 404);
      expectProblem(await api.call('east-admin', 'POST', '/api/users/west-clerk/unlock'), 404);
      // an applicant (no unit) is the city level's
      expectProblem(await api.call('east-admin', 'GET', '/api/users/applicant'), 404);
      expect((await api.call('admin', 'GET', '/api/users/west-clerk')).status).toBe(200);
    });

    it("cannot place a user, or give a group, in the other district; a user placed nowhere lands in the admin's own unit", async () => {
      const user = (name: string, extra: Record<string, unknown>) => ({ username: name, password: passwordOf(name), roles: ['clerk'], ...extra });
      expectProblem(await api.call('east-admin', 'POST', '/api/users', user('spy', { department: 'west-market' })), 403);
      const group = await api.call('east-admin', 'POST', '/api/users', user('spy', { department: 'east-market', groups: ['window@west-market'] }));
      expectProblem(group, 422);
      expect(JSON.stringify(group.body)).toContain('window@west-market');
      expectProblem(await api.call('east-admin', 'PUT', '/api/users/east-clerk/access', { roles: ['clerk'], department: 'west-market' }), 403);
      expect(await api.govflow.store.models.users.exists({ _id: 'spy' })).toBeNull();
      const placed = await api.call('east-admin', 'POST', '/api/users', user('east-new', {}));
      expect([placed.status, placed.body.department]).toEqual([201, 'east']);
    });

    it('change units of their district only', async () => {
      expectProblem(await api.call('east-admin', 'POST', '/api/org/units', { code: 'west-window', name: '西城区窗口', kind: 'window', parent: 'west' }), 422);
      expectProblem(await api.call('east-admin', 'PUT', '/api/org/units/west-market', { name: '改名', kind: 'bureau', parent: 'west' }), 404);
      expectProblem(await api.call('east-admin', 'PUT', '/api/org/units/east-market', { name: '东城区市场局', kind: 'bureau', parent: 'west' }), 422);
      expect(await api.govflow.store.models.units.exists({ _id: 'west-window' })).toBeNull();
      const added = await api.call('east-admin', 'POST', '/api/org/units', { code: 'east-window', name: '东城区政务服务窗口', kind: 'window', parent: 'east' });
      expect([added.status, added.body.path]).toEqual([201, ['市人民政府', '东城区', '东城区政务服务窗口']]);
    });
  });

  describe('supervision offices', () => {
    it("of a district see none of the other district's cases, cards or notices; the city's office sees both", async () => {
      expect((await api.call('east-supervisor', 'GET', `/api/cases/${cases.east}`)).status).toBe(200);
      expectProblem(await api.call('east-supervisor', 'GET', `/api/cases/${cases.west}`), 404);
      expectProblem(await api.call('east-supervisor', 'GET', `/api/cases/${cases.west}/audit`), 404);
      expectProblem(await api.call('east-supervisor', 'GET', `/api/cases/${cases.west}/diagram`), 404);
      const eastCards = (await api.call('east-supervisor', 'GET', '/api/supervision/alerts')).body.items;
      expect(eastCards.map((card: { caseId: string }) => card.caseId)).toEqual([cases.east]);
      const westCard = (await api.call('supervisor', 'GET', '/api/supervision/alerts?department=west-market')).body.items[0];
      expectProblem(await api.call('east-supervisor', 'GET', `/api/supervision/alerts/${westCard.id}`), 404);
      expect((await api.call('supervisor', 'GET', '/api/supervision/alerts')).body.total).toBe(2);
    });

    it('of a district send notices about their cases to their units only', async () => {
      expectProblem(await api.call('east-supervisor', 'POST', '/api/supervision/notices', { caseId: cases.west, department: 'west-market', message: '请说明' }), 404);
      expectProblem(await api.call('east-supervisor', 'POST', '/api/supervision/notices', { caseId: cases.east, department: 'west-market', message: '请说明' }), 403);
      expect((await api.call('east-supervisor', 'POST', '/api/supervision/notices', { caseId: cases.east, department: 'east-market', message: '请说明超期原因' })).status).toBe(201);
      expect((await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId: cases.west, department: 'west-market', message: '请说明超期原因' })).status).toBe(201);
      const seen = (await api.call('east-supervisor', 'GET', '/api/supervision/notices')).body.items.map((notice: { caseId: string }) => notice.caseId);
      expect(seen).toEqual([cases.east]);
      expect((await api.call('supervisor', 'GET', '/api/supervision/notices')).body.total).toBe(2);
    });

    it("of a district hear of their district's replies only", async () => {
      const westNotice = (await api.call('supervisor', 'GET', '/api/supervision/notices')).body.items.find((notice: { caseId: string }) => notice.caseId === cases.west);
      expect((await api.call('west-clerk', 'POST', `/api/supervision/notices/${westNotice.id}/reply`, { explanation: '材料补正中' })).status).toBe(200);
      const kinds = async (user: string) => (await api.call(user, 'GET', '/api/notifications')).body.items.map((item: { kind: string }) => item.kind);
      expect(await kinds('supervisor')).toContain('notice.replied');
      expect(await kinds('east-supervisor')).not.toContain('notice.replied');
    });

    it('of a district figure their district only; the city its whole tree, each unit the sum of its own and its children', async () => {
      const period = `from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`;
      const east = (await api.call('east-supervisor', 'GET', `/api/supervision/figures?groupBy=unit&${period}`)).body.items;
      expect(east.map((row: { group: string }) => row.group)).toEqual(['east', 'east-market', 'east-office', 'east-window']);
      expect(east[0]).toMatchObject({ name: '东城区', received: 1, openYellow: 1, notices: 1 });
      const city = (await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=unit&${period}`)).body.items;
      expect(city.find((row: { group: string }) => row.group === 'city')).toMatchObject({ received: 2, openYellow: 2, notices: 2 });
      expect(city.find((row: { group: string }) => row.group === 'west')).toMatchObject({ name: '西城区', parent: 'city', received: 1 });
    });

    it("list the external tasks of their district's cases only", async () => {
      for (const district of ['east', 'west'] as const) {
        const key = `${district}-credit`;
        const model = bpmn(join(__dirname, '..', 'external-tasks', 'fixtures', 'credit-licensing.bpmn')).replaceAll('credit-licensing', key).replaceAll('@market-bureau', `@${district}-market`);
        expect((await api.call(`${district}-designer`, 'POST', '/api/definitions', model)).status).toBe(201);
        const started = await api.call('applicant', 'POST', '/api/cases', { processKey: key, title: '信用核查', data: {} });
        const head = await api.govflow.store.models.cases.findById(started.body.id).lean();
        expect((await api.call(`${district}-clerk`, 'POST', `/api/tasks/${head!.openTasks[0].id}/complete`, { decision: 'accept' })).status).toBe(200);
      }
      const listed = async (user: string) => (await api.call(user, 'GET', '/api/external-tasks?status=open')).body.items.map((task: { processKey: string }) => task.processKey).sort();
      expect(await listed('east-supervisor')).toEqual(['east-credit']);
      expect(await listed('supervisor')).toEqual(['east-credit', 'west-credit']);
      expect((await api.call('east-supervisor', 'GET', '/api/incidents?status=open')).body).toEqual({ items: [], total: 0 });
    });
  });
});
