import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

describe('endpoints the web pages read: versions, drafts, the directory, a case on its diagram', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers one deployed version with its XML, and 404 for a version that does not exist', async () => {
    const version = await api.call('designer', 'GET', '/api/definitions/general-approval/versions/1');
    expect(version.status).toBe(200);
    expect(version.body.xml).toBe(bpmn('general-approval.bpmn'));
    expect((await api.call('designer', 'GET', '/api/definitions/general-approval/versions/9')).status).toBe(404);
    expect((await api.call('designer', 'GET', '/api/definitions/general-approval/versions/zero')).status).toBe(400);
  });

  it('saves a draft without deploying it and answers the newest save', async () => {
    expect((await api.call('designer', 'GET', '/api/definitions/general-approval/draft')).status).toBe(404);
    const draft = bpmn('general-approval.bpmn').replace('一般审批', '一般审批（草稿）');
    expect((await api.call('designer', 'PUT', '/api/definitions/general-approval/draft', draft)).status).toBe(200);
    expect((await api.call('designer', 'PUT', '/api/definitions/general-approval/draft', `${draft}\n`)).status).toBe(200);
    const saved = await api.call('designer', 'GET', '/api/definitions/general-approval/draft');
    expect(saved.body).toMatchObject({ key: 'general-approval', xml: `${draft}\n`, savedBy: 'designer' });
    expect((await api.call('designer', 'GET', '/api/definitions')).body.items).toEqual([expect.objectContaining({ key: 'general-approval', latestVersion: 1 })]);
    expect((await api.call('designer', 'PUT', '/api/definitions/bad key!/draft', draft)).status).toBe(400);
    expect((await api.call('designer', 'PUT', '/api/definitions/new-process/draft', draft)).status).toBe(200);
    const drafts = (await api.call('designer', 'GET', '/api/drafts')).body.items;
    expect(drafts.map((item: { key: string }) => item.key)).toEqual(['new-process', 'general-approval']);
    expect(drafts[0]).not.toHaveProperty('xml');
  });

  it('lists every version of every process in one answer, each deployer by name', async () => {
    expect((await api.call('admin', 'PUT', '/api/users/designer/name', { name: '王芳' })).status).toBe(200);
    const changed = bpmn('general-approval.bpmn').replace('一般审批', '一般审批（二版）');
    expect((await api.call('designer', 'POST', '/api/definitions', changed, { 'content-type': 'application/xml' })).status).toBe(201);
    const [listed] = (await api.call('designer', 'GET', '/api/definitions')).body.items;
    expect(listed).toMatchObject({ key: 'general-approval', latestVersion: 2, name: '一般审批（二版）（受理·审查·决定）' });
    expect(listed.versions).toEqual([
      { version: 2, deployedAt: expect.any(String), deployedBy: 'designer', deployedByName: '王芳' },
      { version: 1, deployedAt: expect.any(String), deployedBy: 'system', deployedByName: null },
    ]);
    const detail = (await api.call('designer', 'GET', '/api/definitions/general-approval')).body;
    expect(detail.versions).toEqual(listed.versions);
  });

  it('lists the departments, groups and roles users have', async () => {
    const directory = (await api.call('designer', 'GET', '/api/directory')).body;
    expect(directory.departments).toEqual(['market-bureau', 'supervision-office', 'tax-bureau']);
    expect(directory.groups).toEqual(['leader@market-bureau', 'licensing-section@market-bureau', 'window@market-bureau', 'window@tax-bureau']);
    expect(directory.roles).toEqual(['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin', 'system']);
    expect(directory.unitNames).toEqual({});
  });

  it("offers the tree's units too, each labelled by its path of names", async () => {
    const units = [
      { code: 'city', name: '市人民政府', kind: 'city', parent: null },
      { code: 'east', name: '东城区', kind: 'district', parent: 'city' },
    ];
    expect((await api.call('admin', 'POST', '/api/org/import', { units })).status).toBe(200);
    const directory = (await api.call('designer', 'GET', '/api/directory')).body;
    expect(directory.departments).toEqual(['city', 'east', 'market-bureau', 'supervision-office', 'tax-bureau']);
    expect(directory.unitNames).toEqual({ city: '市人民政府', east: '市人民政府 / 东城区' });
  });

  it('shows a case on its diagram: the path taken and the current step', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '看图', data: {} });
    const accept = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0];
    await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'accept' });
    const diagram = await api.call('applicant', 'GET', `/api/cases/${started.body.id}/diagram`);
    expect(diagram.status).toBe(200);
    expect(diagram.body).toMatchObject({ processKey: 'general-approval', version: 2, current: [{ stepId: 'review', name: '审查', state: null }] });
    expect(diagram.body.xml).toContain('<bpmn:process id="general-approval"');
    expect(diagram.body.trail.sort()).toEqual(['accept', 'accepted', 'acceptedYes', 'submitted', 'toAccept', 'toAccepted'].sort());
    expect((await api.call('other-applicant', 'GET', `/api/cases/${started.body.id}/diagram`)).status).toBe(404);
  });
});
