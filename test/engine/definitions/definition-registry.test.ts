import { join } from 'node:path';
import { systemActor, type Actor, type Govflow } from '../../../engine';
import { bpmn, createTestGovflow } from '../../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, 'fixtures', name));

describe('deploying definitions', () => {
  let govflow: Govflow;
  beforeAll(async () => {
    govflow = await createTestGovflow();
  });
  afterAll(async () => {
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  it('keeps the version for identical content and takes the next one for changed content', async () => {
    const xml = bpmn('general-approval.bpmn');
    const first = await govflow.definitions.deploy(xml, systemActor);
    expect(first).toMatchObject({ key: 'general-approval', version: 1, created: true });
    expect(first.warnings.map((warning) => warning.path)).toEqual(['accept', 'review', 'decide']); // nobody is in the directory yet
    expect(await govflow.definitions.deploy(xml.replace(/\n/g, '\r\n'), systemActor)).toMatchObject({ version: 1, created: false });
    expect(await govflow.definitions.deploy(xml.replace('name="决定"', 'name="批准"'), systemActor)).toMatchObject({ version: 2, created: true });
    expect(await govflow.definitions.deploy(xml, systemActor)).toMatchObject({ version: 3, created: true });
    const detail = await govflow.definitions.get('general-approval', systemActor);
    expect(detail.versions.map((version) => version.version)).toEqual([3, 2, 1]);
  });

  it('numbers concurrent deploys of different content without gaps or duplicates', async () => {
    const base = bpmn('general-approval.bpmn').replaceAll('general-approval', 'parallel-deploys');
    const outcomes = await Promise.all([1, 2, 3, 4].map((n) => govflow.definitions.deploy(base.replace('name="受理"', `name="受理${n}"`), systemActor)));
    expect(outcomes.map((outcome) => outcome.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('warns about a model without diagram but deploys it', async () => {
    const outcome = await govflow.definitions.deploy(fixture('camunda-attributes.bpmn'), systemActor);
    expect(outcome).toMatchObject({ key: 'camunda-attributes', version: 1, created: true });
    expect(outcome.warnings).toContainEqual({ path: 'handle', message: 'no-bpmndi: Element is missing bpmndi' });
  });

  it('reads camunda: attributes so Camunda Modeler models run unchanged, resolving ${…} in them', async () => {
    const applicant: Actor = { username: 'wang', roles: ['applicant'], department: null, groups: [] };
    const { result } = await govflow.cases.start({ processKey: 'camunda-attributes', title: 'camunda', data: { handler: 'zhao', office: 'window@tax-bureau' } }, applicant);
    const record = await govflow.store.models.cases.findById(result.id).lean();
    expect(record?.openTasks[0]).toMatchObject({ assignee: 'zhao', candidateUsers: ['qian', 'sun'], candidateGroups: ['window@tax-bureau', 'chief@tax-bureau'] });
    expect(record?.departments).toEqual(['tax-bureau']);
  });

  it('refuses a model with two executable processes or none', async () => {
    await expect(govflow.definitions.deploy(fixture('two-processes.bpmn'), systemActor)).rejects.toMatchObject({
      status: 422,
      details: expect.arrayContaining([expect.objectContaining({ path: 'second', message: expect.stringContaining('only one process per deployment') })]),
    });
  });

  it('refuses a condition that does not parse, at deploy rather than in a case', async () => {
    const broken = bpmn('general-approval.bpmn').replace('${decision == "grant"}', '${decision == }');
    await expect(govflow.definitions.deploy(broken, systemActor)).rejects.toMatchObject({
      status: 422,
      details: expect.arrayContaining([expect.objectContaining({ path: 'grantedYes', message: expect.stringContaining('does not parse') })]),
    });
  });

  it('allows script tasks only when the operator enabled them', async () => {
    const scripted = bpmn(join(__dirname, '..', '..', 'api', 'fixtures', 'script-task.bpmn'));
    await expect(govflow.definitions.deploy(scripted, systemActor)).rejects.toMatchObject({
      status: 422,
      details: [{ path: 'script', message: expect.stringContaining('govflow/no-script: script tasks are disabled') }],
    });
    const permissive = await createTestGovflow({ allowScripts: true });
    try {
      expect(await permissive.definitions.deploy(scripted, systemActor)).toMatchObject({ key: 'runs-code', version: 1 });
      const applicant: Actor = { username: 'wang', roles: ['applicant'], department: null, groups: [] };
      const { result } = await permissive.cases.start({ processKey: 'runs-code', title: 'script', data: {} }, applicant);
      expect(result.status).toBe('completed');
    } finally {
      await permissive.store.connection.dropDatabase();
      await permissive.close();
    }
  });
});
