import { systemActor } from '../../engine';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const pdf = { name: '营业执照.pdf', type: 'application/pdf', size: 204800, checksum: `sha256:${'a'.repeat(64)}`, storageKey: 'docs/2026/licence.pdf' };
const validForm = { amount: 120, category: 'food', summary: '材料齐全', visitDate: '2026-12-01', inspectors: ['clerk', 'clerk2'] };

describe('forms, attachments, opinions and the supplement message through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.govflow.definitions.deploy(bpmn(`${__dirname}/fixtures/practice.bpmn`), systemActor);
  });
  afterAll(() => api.close());

  async function start(attachments?: unknown[]): Promise<string> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'practice', title: '食品经营许可', data: {}, ...(attachments ? { attachments } : {}) });
    expect(started.status).toBe(201);
    return started.body.id;
  }

  async function view(caseId: string, user = 'supervisor') {
    return (await api.call(user, 'GET', `/api/cases/${caseId}`)).body;
  }

  async function step(caseId: string, stepId: string): Promise<string> {
    const found = (await view(caseId)).currentSteps.find((current: { stepId: string }) => current.stepId === stepId);
    if (!found) throw new Error(`case ${caseId} is not at ${stepId}`);
    return found.taskId;
  }

  async function atAssess(): Promise<string> {
    const caseId = await start();
    expect((await api.call('clerk', 'POST', `/api/tasks/${await step(caseId, 'accept')}/complete`, { decision: 'accept' })).status).toBe(200);
    return caseId;
  }

  it('answers a task with its form and decisions, so a client can render it', async () => {
    const caseId = await atAssess();
    const task = await api.call('clerk', 'GET', `/api/tasks/${await step(caseId, 'assess')}`);
    expect(task.status).toBe(200);
    expect(task.body.decisions).toEqual(['pass', 'special']);
    expect(task.body.form).toEqual([
      { name: 'amount', label: '投资额（万元）', type: 'number', required: true, min: 0, max: 1000 },
      { name: 'category', label: '类别', type: 'enum', required: true, options: ['food', 'drug'] },
      { name: 'summary', label: '审查摘要', type: 'text', required: false, maxLength: 10 },
      { name: 'visitDate', label: '核查日期', type: 'date', required: false },
      { name: 'inspectors', label: '核查人员', type: 'list', required: false, minItems: 2 },
    ]);
    expect((await api.call('outsider', 'GET', `/api/tasks/${task.body.id}`)).status).toBe(404);
  });

  it('refuses a submission with field-level errors and changes nothing', async () => {
    const caseId = await atAssess();
    const taskId = await step(caseId, 'assess');
    const bad = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, {
      decision: 'pass',
      data: { amount: 5000, category: 'toys', summary: '这段摘要远远超过十个字的限制', visitDate: '2026-13-45', inspectors: ['clerk'], extra: 1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([
      { path: '/data/extra', message: expect.stringContaining('not a field of this form') },
      { path: '/data/amount', message: 'must be at most 1000' },
      { path: '/data/category', message: 'must be one of food, drug' },
      { path: '/data/summary', message: 'must be at most 10 characters' },
      { path: '/data/visitDate', message: 'must be a date as YYYY-MM-DD' },
      { path: '/data/inspectors', message: 'must list at least 2' },
    ]);
    const missing = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'pass', data: { amount: '12' } });
    expect(missing.body.errors).toEqual([
      { path: '/data/amount', message: 'must be a number' },
      { path: '/data/category', message: '类别 is required' },
    ]);
    const after = await view(caseId);
    expect(after.currentSteps.map((current: { stepId: string }) => current.stepId)).toEqual(['assess']);
    expect(after.history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'task.completed']);
    const good = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'pass', comment: '同意', data: validForm });
    expect(good.status).toBe(200);
    expect(good.body.nextTasks.map((next: { stepId: string }) => next.stepId)).toEqual(['decide']);
  });

  it('keeps attachments by metadata on the case and on the step that received them, and refuses malformed ones', async () => {
    const caseId = await start([pdf]);
    const taskId = await step(caseId, 'accept');
    const badChecksum = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', attachments: [{ ...pdf, checksum: 'md5:abc' }] });
    expect(badChecksum.status).toBe(400);
    expect(badChecksum.body.errors[0].path).toBe('/attachments/0/checksum');
    const inspection = { ...pdf, name: '受理通知书.pdf', storageKey: 'docs/2026/notice.pdf' };
    expect((await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', attachments: [inspection] })).status).toBe(200);
    const { attachments } = await view(caseId, 'applicant');
    expect(attachments).toEqual([
      expect.objectContaining({ id: 'A1', name: '营业执照.pdf', stepId: null, addedBy: 'applicant', checksum: pdf.checksum, storageKey: pdf.storageKey }),
      expect.objectContaining({ id: 'A2', name: '受理通知书.pdf', stepId: 'accept', taskId, addedBy: 'clerk' }),
    ]);
    expect((await api.call('clerk', 'GET', `/api/tasks/${await step(caseId, 'assess')}`)).body.attachments).toHaveLength(2);
  });

  it('waits for the applicant’s supplement as a BPMN message, with the clock paused, and goes back to acceptance', async () => {
    const caseId = await start();
    const acceptTask = await step(caseId, 'accept');
    expect((await api.call('applicant', 'POST', `/api/cases/${caseId}/supplement`, { note: '未要求' })).status).toBe(409);
    await api.call('clerk', 'POST', `/api/tasks/${acceptTask}/complete`, { decision: 'supplement', comment: '缺少场地证明' });
    const waiting = await view(caseId, 'applicant');
    expect(waiting.awaiting).toEqual(['supplement']);
    expect(waiting.currentSteps).toEqual([]);
    expect(waiting.clock.paused).toBe(true);
    const progress = await api.call(undefined, 'GET', `/api/public/progress/${waiting.receiptNo}?code=${waiting.queryCode}`);
    expect(progress.body.awaiting).toEqual(['supplement']);
    expect((await api.call('other-applicant', 'POST', `/api/cases/${caseId}/supplement`, {})).status).toBe(404);
    expect((await api.call('clerk', 'POST', `/api/cases/${caseId}/supplement`, {})).status).toBe(403);
    const supplied = await api.call('applicant', 'POST', `/api/cases/${caseId}/supplement`, { note: '已补场地证明', attachments: [{ ...pdf, name: '场地证明.pdf' }] });
    expect(supplied.status).toBe(200);
    expect(supplied.body).toMatchObject({ message: 'supplement', status: 'running', nextTasks: [{ stepId: 'accept' }] });
    const after = await view(caseId);
    expect(after.awaiting).toEqual([]);
    expect(after.clock.paused).toBe(false);
    expect(after.clock.pauses).toHaveLength(1);
    expect(after.attachments.map((attachment: { name: string }) => attachment.name)).toEqual(['场地证明.pdf']);
    expect(after.history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'task.completed', 'case.supplemented']);
  });

  it('delivers other messages by name for staff, and refuses a message the case does not wait for', async () => {
    const caseId = await start();
    await api.call('clerk', 'POST', `/api/tasks/${await step(caseId, 'accept')}/complete`, { decision: 'supplement', comment: '缺件' });
    expect((await api.call('clerk', 'POST', `/api/cases/${caseId}/messages/payment`, {})).status).toBe(409);
    expect((await api.call('outsider', 'POST', `/api/cases/${caseId}/messages/supplement`, {})).status).toBe(404);
    expect((await api.call('applicant', 'POST', `/api/cases/${caseId}/messages/supplement`, {})).status).toBe(403);
    const delivered = await api.call('clerk', 'POST', `/api/cases/${caseId}/messages/supplement`, { variables: { supplementedAtWindow: true } });
    expect(delivered.body).toMatchObject({ message: 'supplement', nextTasks: [{ stepId: 'accept' }] });
  });

  it('pauses the clock while a special-procedure step is open and resumes it after', async () => {
    const caseId = await atAssess();
    await api.call('clerk', 'POST', `/api/tasks/${await step(caseId, 'assess')}/complete`, { decision: 'special', data: validForm });
    const during = await view(caseId);
    expect(during.clock).toMatchObject({ paused: true });
    await api.call('clerk', 'POST', `/api/tasks/${await step(caseId, 'special')}/complete`, {});
    const after = await view(caseId);
    expect(after.clock.paused).toBe(false);
    expect(after.currentSteps.map((current: { stepId: string }) => current.stepId)).toEqual(['assess']);
  });

  it('shows the applicant a denial’s reasons, but not the internal opinions', async () => {
    const caseId = await atAssess();
    await api.call('clerk', 'POST', `/api/tasks/${await step(caseId, 'assess')}/complete`, { decision: 'pass', comment: '内部意见：建议不予许可', data: validForm });
    await api.call('leader', 'POST', `/api/tasks/${await step(caseId, 'decide')}/complete`, { decision: 'deny', comment: '选址不符合规划要求' });
    const own = await view(caseId, 'applicant');
    expect(own.opinions).toEqual([{ stepId: 'decide', stepName: '决定', decision: 'deny', text: '选址不符合规划要求', at: expect.any(String) }]);
    const progress = await api.call(undefined, 'GET', `/api/public/progress/${own.receiptNo}?code=${own.queryCode}`);
    expect(progress.body.opinions.map((opinion: { text: string }) => opinion.text)).toEqual(['选址不符合规划要求']);
    const staff = await view(caseId);
    expect(staff.opinions.map((opinion: { by: string; text: string | null }) => `${opinion.by}:${opinion.text}`)).toEqual(['clerk:null', 'clerk:内部意见：建议不予许可', 'leader:选址不符合规划要求']);
  });

  it('refuses a model whose form is malformed, saying which element and why', async () => {
    const broken = bpmn(`${__dirname}/fixtures/practice.bpmn`)
      .replace('id="practice"', 'id="practice-broken"')
      .replace('type="enum" options="food,drug"', 'type="enum"')
      .replace('name="summary"', 'name="amount"');
    const refused = await api.call('designer', 'POST', '/api/definitions', broken);
    expect(refused.status).toBe(422);
    const messages = refused.body.errors.map((error: { path: string; message: string }) => `${error.path}: ${error.message}`);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('assess: govflow/form-fields: form field "category" is an enum without options'), expect.stringContaining('form field "amount" is declared twice')]));
  });
});
