import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';
import { deploy, processWith } from './compatibility-support';

const start = '<startEvent id="start"/><sequenceFlow id="toWork" sourceRef="start" targetRef="work"/>';
const end = '<sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/><endEvent id="end"/>';

describe('the supervision office sees open tasks nobody can act on', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lists a running case stuck at a group nobody holds, until someone holds it', async () => {
    const xml = processWith(`${start}<userTask id="work" name="审计复核" camunda:candidateGroups="audit@city-audit-bureau"/>${end}`).replace('id="refused"', 'id="audit-review"');
    expect((await deploy(api, xml)).status).toBe(201);
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'audit-review', title: '审计复核申请', data: {} });
    const listed = await api.call('supervisor', 'GET', '/api/supervision/unstaffed-tasks');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ caseId: started.body.id, caseTitle: '审计复核申请', name: '审计复核', candidateGroups: ['audit@city-audit-bureau'] }] });
    expect((await api.call('clerk', 'GET', '/api/supervision/unstaffed-tasks')).status).toBe(403);

    await api.govflow.users.add({ username: 'auditor', password: passwordOf('auditor'), roles: ['clerk'], department: 'city-audit-bureau', groups: ['audit@city-audit-bureau'] });
    expect((await api.call('supervisor', 'GET', '/api/supervision/unstaffed-tasks')).body).toEqual({ items: [], total: 0 });
  });
});
