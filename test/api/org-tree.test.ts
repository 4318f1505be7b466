import { startTestApi, type TestApi } from '../support/test-govflow';

/** The organisation tree through the API: read by every member of staff, changed and imported by administrators, audited per unit. */
describe('the organisation tree (目录服务)', () => {
  let api: TestApi;
  const city = [
    { code: 'city', name: '市人民政府', kind: 'city', parent: null },
    { code: 'east', name: '东城区', kind: 'district', parent: 'city' },
    { code: 'east-market', name: '东城区市场监督管理局', kind: 'bureau', parent: 'east' },
    { code: 'east-licensing', name: '东城区市场局登记许可科', kind: 'section', parent: 'east-market' },
    { code: 'west', name: '西城区', kind: 'district', parent: 'city' },
  ];

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers an empty tree before anything is imported', async () => {
    expect((await api.call('clerk', 'GET', '/api/org/units')).body).toEqual({ items: [], total: 0 });
  });

  it('imports a file first as a dry run, which writes nothing, then for real; the same file again changes nothing', async () => {
    const dry = await api.call('admin', 'POST', '/api/org/import?dryRun=true', { units: city });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, unchanged: 0, changed: [] });
    expect(dry.body.created.map((unit: { code: string }) => unit.code)).toEqual(['city', 'east', 'east-market', 'east-licensing', 'west']);
    expect(await api.govflow.store.models.units.countDocuments()).toBe(0);

    const done = await api.call('admin', 'POST', '/api/org/import', { units: city });
    expect(done.body.created.length).toBe(5);
    expect((await api.call('admin', 'POST', '/api/org/import', { units: city })).body).toMatchObject({ created: [], changed: [], unchanged: 5 });
  });

  it('answers each unit with its path of names and children; pickers search codes and names', async () => {
    const market = await api.call('designer', 'GET', '/api/org/units/east-market');
    expect(market.body).toEqual({ code: 'east-market', name: '东城区市场监督管理局', kind: 'bureau', parent: 'east', path: ['市人民政府', '东城区', '东城区市场监督管理局'], children: ['east-licensing'] });
    const found = await api.call('clerk', 'GET', `/api/org/units?q=${encodeURIComponent('东城区市场')}`);
    expect(found.body.items.map((unit: { code: string }) => unit.code)).toEqual(['east-market', 'east-licensing']);
    expect((await api.call('clerk', 'GET', '/api/org/units?q=WEST')).body.items.map((unit: { code: string }) => unit.code)).toEqual(['west']);
    expect((await api.call('clerk', 'GET', '/api/org/units/nowhere')).status).toBe(404);
    expect((await api.call('applicant', 'GET', '/api/org/units')).status).toBe(403);
  });

  it('refuses a file that would make a bad tree, naming each row, and imports none of it', async () => {
    const bad = [
      { code: 'north', name: '北城区', kind: 'district', parent: 'city' },
      { code: 'north-market', name: '北城区市场局', kind: 'bureau', parent: 'nowhere' },
      { code: 'capital', name: '另一个市', kind: 'city', parent: null },
      { code: 'north', name: '重复', kind: 'district', parent: 'city' },
      { code: 'east', name: '东城区', kind: 'district', parent: 'east-licensing' },
    ];
    const refused = await api.call('admin', 'POST', '/api/org/import', { units: bad });
    expect([refused.status, refused.type]).toEqual([422, expect.stringContaining('application/problem+json')]);
    const paths = JSON.stringify(refused.body);
    for (const expected of ['units[1].parent', 'no unit nowhere', 'units[2].parent', 'units[3].code', 'units[4].parent', 'cannot move under itself']) expect(paths).toContain(expected);
    expect(await api.govflow.store.models.units.exists({ _id: 'north' })).toBeNull();
    expect((await api.call('admin', 'POST', '/api/org/import', { units: [{ code: 'x', name: 'x', kind: 'galaxy', parent: 'city' }] })).status).toBe(400);
  });

  it('renames and moves a unit, each change on its own chain, which verifies until an entry is touched', async () => {
    const moved = await api.call('admin', 'PUT', '/api/org/units/east-licensing', { name: '登记许可科', kind: 'section', parent: 'east' });
    expect(moved.body).toMatchObject({ code: 'east-licensing', name: '登记许可科', parent: 'east', path: ['市人民政府', '东城区', '登记许可科'], before: { name: '东城区市场局登记许可科', parent: 'east-market' } });
    const trail = await api.call('admin', 'GET', '/api/org/units/east-licensing/audit');
    expect(trail.body.items.map((entry: { action: string; actor: string }) => [entry.action, entry.actor])).toEqual([['unit.created', 'admin'], ['unit.changed', 'admin']]);
    expect(trail.body.items[1].detail).toMatchObject({ name: '登记许可科', parent: 'east', before: { parent: 'east-market' } });
    expect((await api.call('admin', 'GET', '/api/org/units/east-licensing/audit/verify')).body).toEqual({ ok: true, entries: 2 });

    await api.govflow.store.models.unitAudit.updateOne({ _id: 'east-licensing:00000001' }, { $set: { actor: 'someone-else' } });
    expect((await api.call('admin', 'GET', '/api/org/units/east-licensing/audit/verify')).body).toMatchObject({ ok: false, problem: { seq: 1 } });
  });

  it('adds one unit at a time, refusing one that exists or a second root', async () => {
    expect((await api.call('admin', 'POST', '/api/org/units', { code: 'west-market', name: '西城区市场监督管理局', kind: 'bureau', parent: 'west' })).status).toBe(201);
    const again = await api.call('admin', 'POST', '/api/org/units', { code: 'west-market', name: '西城区市场监督管理局', kind: 'bureau', parent: 'west' });
    expect([again.status, JSON.stringify(again.body)]).toEqual([422, expect.stringContaining('exists already')]);
    const root = await api.call('admin', 'POST', '/api/org/units', { code: 'capital', name: '另一个市', kind: 'city', parent: null });
    expect([root.status, JSON.stringify(root.body)]).toEqual([422, expect.stringContaining('the tree has its root already')]);
    expect((await api.call('designer', 'POST', '/api/org/units', { code: 'west-window', name: '窗口', kind: 'window', parent: 'west' })).status).toBe(403);
  });
});
