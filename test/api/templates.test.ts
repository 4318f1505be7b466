import { startTestApi, passwordOf, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/**
 * A template (标准事项) the city publishes — a licence with a promised 15 and a statutory 20
 * working days — adopted by two districts: east shortens the promise and staffs the window
 * with its own service window, west tries to go past the limits and is refused, then adopts it
 * as it is; the city compares both.
 */
describe('templates: published by the city, adopted and narrowed by districts', () => {
  let api: TestApi;
  const template = () => timedApproval(undefined, 'food-licence');

  beforeAll(async () => {
    api = await startTestApi();
    const units = [
      { code: 'city', name: '市人民政府', kind: 'city', parent: null },
      { code: 'market-bureau', name: '市市场监督管理局', kind: 'bureau', parent: 'city' },
      { code: 'east', name: '东城区', kind: 'district', parent: 'city' },
      { code: 'east-window', name: '东城区政务服务中心窗口', kind: 'window', parent: 'east' },
      { code: 'west', name: '西城区', kind: 'district', parent: 'city' },
    ];
    expect((await api.call('admin', 'POST', '/api/org/import', { units })).status).toBe(200);
    for (const district of ['east', 'west']) {
      expect((await api.call('admin', 'POST', '/api/users', { username: `${district}-designer`, password: passwordOf(`${district}-designer`), roles: ['designer'], department: district })).status).toBe(201);
    }
    expect((await api.call('designer', 'POST', '/api/definitions', template())).status).toBe(201);
  });
  afterAll(() => api.close());

  it('publishes a process of the city as a template with its limits and the groups its steps name', async () => {
    const published = await api.call('designer', 'POST', '/api/templates', { processKey: 'food-licence' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ key: 'food-licence', unit: 'city', unitName: '市人民政府', version: 1, promisedLimit: '15WD', statutoryLimit: '20WD', publishedBy: 'designer' });
    expect(published.body.groups).toEqual(expect.arrayContaining(['window@market-bureau', 'licensing-section@market-bureau']));
    expect((await api.call('east-designer', 'GET', '/api/templates')).body.items.map((item: { key: string }) => item.key)).toEqual(['food-licence']);
    // a district cannot publish the city's process
    expect((await api.call('east-designer', 'POST', '/api/templates', { processKey: 'general-approval' })).status).toBe(404);
  });

  it('lets a district shorten the promised limit and staff the window with its own', async () => {
    const adopted = await api.call('east-designer', 'POST', '/api/templates/food-licence/adopt', { promisedLimit: '10WD', groups: { 'window@market-bureau': 'window@east-window' } });
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({ key: 'food-licence.east', version: 1, created: true });
    const process = await api.call('east-designer', 'GET', '/api/definitions/food-licence.east');
    expect(process.body).toMatchObject({ unit: 'east', name: '一般审批（受理·审查·决定）（东城区）' });
    expect(process.body.latest.xml).toContain('promisedLimit="10WD"');
    expect(process.body.latest.xml).toContain('statutoryLimit="20WD"');

    // the district's cases run on it: its window receives them
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'food-licence.east', title: '东城小吃店 食品经营许可', data: {} });
    expect(started.status).toBe(201);
    const head = await api.govflow.store.models.cases.findById(started.body.id).lean();
    expect(head!.openTasks[0].candidateGroups).toEqual(['window@east-window']);
    expect(head!.departments).toEqual(['east-window']);
  });

  it('refuses a district that goes past the statutory limit, lengthens the promise, counts differently or staffs with another unit', async () => {
    const adopt = (body: Record<string, unknown>) => api.call('west-designer', 'POST', '/api/templates/food-licence/adopt', body);
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ promisedLimit: '25WD' }, 422, 'exceeds the statutory limit (法定时限) 20WD'],
      [{ promisedLimit: '18WD' }, 422, "longer than the template's promised limit 15WD"],
      [{ promisedLimit: '10D' }, 422, 'count it as the template does, e.g. 10WD'],
      [{ promisedLimit: 'soon' }, 422, 'is not a time limit'],
      [{ groups: { 'window@market-bureau': 'window@east-window' } }, 422, 'east-window is not 西城区 or a unit under it'],
      [{ groups: { 'cashier@market-bureau': 'cashier@west' } }, 422, 'the template names no group cashier@market-bureau'],
      [{ unit: 'city' }, 422, 'is not under 市人民政府'],
      [{ unit: 'east-window' }, 403, 'outside the units you design for'],
      // east's own copy is not there for west at all
      [{ unit: 'east' }, 404, 'food-licence.east'],
    ];
    for (const [body, status, message] of refusals) {
      const answer = await adopt(body);
      expect([JSON.stringify(body), answer.status, answer.type]).toEqual([JSON.stringify(body), status, expect.stringContaining('application/problem+json')]);
      expect(JSON.stringify(answer.body)).toContain(message);
    }
    expect(await api.govflow.store.models.definitions.countDocuments({ key: 'food-licence.west' })).toBe(0);
    expect((await adopt({})).status).toBe(201);
  });

  it("shows the city which district runs which version of the template and where they differ; a district sees its own", async () => {
    const compare = async (user: string) => (await api.call(user, 'GET', '/api/templates/food-licence/adoptions')).body.items as Array<Record<string, unknown>>;
    expect(await compare('designer')).toEqual([
      expect.objectContaining({ processKey: 'food-licence.east', unit: 'east', unitName: '东城区', templateVersion: 1, current: true, promisedLimit: { template: '15WD', adopted: '10WD' }, statutoryLimit: '20WD', groups: { 'window@market-bureau': 'window@east-window' } }),
      expect.objectContaining({ processKey: 'food-licence.west', unit: 'west', templateVersion: 1, current: true, promisedLimit: { template: '15WD', adopted: '15WD' }, groups: {} }),
    ]);
    expect((await compare('east-designer')).map((item) => item.processKey)).toEqual(['food-licence.east']);

    // a new version of the template, once published, leaves both districts a version behind
    expect((await api.call('designer', 'POST', '/api/definitions', template().replace('name="决定"', 'name="审批决定"'))).status).toBe(201);
    expect((await api.call('designer', 'POST', '/api/templates', { processKey: 'food-licence' })).body.version).toBe(2);
    expect((await compare('designer')).map((item) => [item.processKey, item.templateVersion, item.current])).toEqual([
      ['food-licence.east', 1, false],
      ['food-licence.west', 1, false],
    ]);
    expect((await api.call('west-designer', 'GET', '/api/definitions/food-licence.east')).status).toBe(404);
    const logged = await api.govflow.store.models.adminLog.find({ action: { $regex: '^template\\.' } }).lean();
    expect(logged.map((entry) => [entry.action, entry.actor])).toEqual(expect.arrayContaining([['template.published', 'designer'], ['template.adopted', 'east-designer'], ['template.adopted', 'west-designer']]));
  });
});
