import { join } from 'node:path';
import { DeadlineWorker } from '../../engine';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, 'fixtures', name));

/**
 * Messages against the real services: a registry's system starts a case by message and a
 * payment notice finds it again by its business key; a case throws a message another case
 * catches; event sub-processes a message starts, beside the case or instead of it.
 */
describe('messages', () => {
  let api: TestApi;
  let worker: DeadlineWorker;

  beforeAll(async () => {
    api = await startTestApi();
    for (const name of ['registration-check.bpmn', 'license-notice.bpmn', 'company-archive.bpmn']) {
      const deployed = await api.call('designer', 'POST', '/api/definitions', fixture(name));
      expect(deployed.status).toBeLessThan(300);
    }
    await api.addClient('registry', ['enterprise-registered', 'fee-paid']);
    worker = DeadlineWorker.start(api.govflow);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const caseOf = async (id: string) => (await api.call('admin', 'GET', `/api/cases/${id}`)).body;
  const steps = async (id: string) => (await caseOf(id)).currentSteps.map((step: { stepId: string }) => step.stepId).sort();
  const complete = async (caseId: string, stepId: string, body: Record<string, unknown> = {}, user = 'clerk') => {
    const taskId = (await caseOf(caseId)).currentSteps.find((step: { stepId: string }) => step.stepId === stepId).taskId;
    const done = await api.call(user, 'POST', `/api/tasks/${taskId}/complete`, body);
    expect(done.status).toBe(200);
  };

  it('starts a case when the registry reports a registration, and delivers the fee notice to it by business key', async () => {
    // when the registry's system sends the registration
    const sent = await api.call('registry', 'POST', '/api/messages', { name: 'enterprise-registered', businessKey: 'REG-2026-0001', data: { companyName: '新登记有限公司' } });

    // then a case of the process that starts on it runs, with the message's data
    expect(sent.status).toBe(200);
    expect(sent.body.delivered).toBeNull();
    expect(sent.body.started).toEqual([expect.objectContaining({ processKey: 'registration-check', status: 'running' })]);
    const caseId = sent.body.started[0].id as string;
    const started = await caseOf(caseId);
    expect(started.applicant).toBe('registry');
    expect(started.title).toBe('企业登记后核查（REG-2026-0001）');
    expect(await steps(caseId)).toEqual(['check']);

    // when the window checks it, the case waits for the fee; a notice by business key reaches it
    await complete(caseId, 'check');
    expect((await caseOf(caseId)).awaiting).toEqual(['fee-paid']);
    const paid = await api.call('registry', 'POST', '/api/messages', { name: 'fee-paid', businessKey: 'REG-2026-0001', data: { amount: 300 } });
    expect(paid.status).toBe(200);
    expect(paid.body.delivered).toMatchObject({ caseId, status: 'completed' });
    expect(paid.body.started).toEqual([]);
    const history = (await api.call('admin', 'GET', `/api/cases/${caseId}/audit`)).body.items.map((entry: { action: string }) => entry.action);
    expect(history).toEqual(['case.started', 'task.completed', 'message.received']);
  });

  it('refuses a message that matches several waiting cases, or none, naming them, and changes nothing', async () => {
    // given two registrations waiting for their fee
    const ids: string[] = [];
    for (const key of ['REG-2026-0002', 'REG-2026-0003']) {
      const sent = await api.call('registry', 'POST', '/api/messages', { name: 'enterprise-registered', businessKey: key, data: { companyName: key } });
      ids.push(sent.body.started[0].id);
      await complete(sent.body.started[0].id, 'check');
    }
    const receipts = await Promise.all(ids.map(async (id) => (await caseOf(id)).receiptNo as string));

    // when a fee notice names neither, and another names a key nobody holds
    const ambiguous = await api.call('registry', 'POST', '/api/messages', { name: 'fee-paid', data: {} });
    const unknown = await api.call('registry', 'POST', '/api/messages', { name: 'fee-paid', businessKey: 'REG-NOBODY', data: {} });

    // then both are 409 problems that say why, and both cases still wait
    expect(ambiguous.status).toBe(409);
    for (const receipt of receipts) expect(ambiguous.body.detail).toContain(receipt);
    expect(unknown.status).toBe(409);
    expect(unknown.body.detail).toContain('business key REG-NOBODY');
    for (const id of ids) expect((await caseOf(id)).awaiting).toEqual(['fee-paid']);

    // and the receipt number finds one of them as well as the business key does
    const byReceipt = await api.call('registry', 'POST', '/api/messages', { name: 'fee-paid', businessKey: receipts[1], data: {} });
    expect(byReceipt.body.delivered.caseId).toBe(ids[1]);
    const byCorrelation = await api.call('registry', 'POST', '/api/messages', { name: 'fee-paid', correlationKeys: { companyName: 'REG-2026-0002' }, data: {} });
    expect(byCorrelation.body.delivered.caseId).toBe(ids[0]);
  });

  it('answers a retried message with the same Idempotency-Key as before, starting nothing twice', async () => {
    const body = { name: 'enterprise-registered', businessKey: 'REG-2026-0009', data: { companyName: '重试有限公司' } };
    const first = await api.call('registry', 'POST', '/api/messages', body, { 'idempotency-key': 'registration-9' });
    const again = await api.call('registry', 'POST', '/api/messages', body, { 'idempotency-key': 'registration-9' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await api.govflow.store.models.cases.countDocuments({ businessKey: 'REG-2026-0009' }))).toBe(1);
  });

  it('keeps messages to those who may send them', async () => {
    await api.addClient('credit-only', ['credit-check']);
    const foreign = await api.call('credit-only', 'POST', '/api/messages', { name: 'enterprise-registered', data: {} });
    expect(foreign.status).toBe(403);
    expect((await api.call('applicant', 'POST', '/api/messages', { name: 'enterprise-registered', data: {} })).status).toBe(403);
    const bad = await api.call('registry', 'POST', '/api/messages', { name: '', correlationKeys: { 'bad key': 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['/name']));
  });

  it('delivers a message one case throws to the other case that catches it, by correlation key', async () => {
    // given the archive cases of two companies, waiting for their licensing decision
    const open = async (companyName: string) => (await api.call('applicant', 'POST', '/api/cases', { processKey: 'company-archive', title: `${companyName} 档案`, data: { companyName } })).body.id as string;
    const archive = await open('甲公司');
    const other = await open('乙公司');
    expect((await caseOf(archive)).awaiting).toEqual(['license-decided']);

    // when 甲公司's licensing case is decided, passing its message throw event
    const licensing = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'license-notice', title: '甲公司 许可', data: { companyName: '甲公司' } })).body.id as string;
    await complete(licensing, 'decide', { decision: 'grant' });
    expect((await caseOf(licensing)).status).toBe('completed');

    // then the worker delivers it to 甲公司's archive case only, with the decision it carries
    await until(async () => (await steps(archive)).includes('file'), 20_000, async () => JSON.stringify(await api.govflow.store.models.messages.find({ 'from.caseId': licensing }).lean()));
    expect((await caseOf(archive)).awaiting).toEqual([]);
    expect((await caseOf(other)).awaiting).toEqual(['license-decided']);
    const delivered = await api.govflow.store.models.messages.findOne({ 'from.caseId': licensing }).lean();
    expect(delivered).toMatchObject({ name: 'license-decided', status: 'delivered', deliveredTo: [archive], correlationKeys: { companyName: '甲公司' }, variables: { companyName: '甲公司', decision: 'grant' } });
  });

  it('records a thrown message that reaches no case as undelivered, saying why', async () => {
    const licensing = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'license-notice', title: '丙公司 许可', data: { companyName: '丙公司' } })).body.id as string;
    await complete(licensing, 'decide', { decision: 'deny' });
    await until(async () => (await api.govflow.store.models.messages.findOne({ 'from.caseId': licensing }).lean())?.status === 'undelivered');
    const message = await api.govflow.store.models.messages.findOne({ 'from.caseId': licensing }).lean();
    expect(message?.reason).toContain('no case waits for the message "license-decided" with companyName = "丙公司"');
  });

  it('starts a non-interrupting event sub-process beside the case, and an interrupting one instead of it', async () => {
    // given an archive case waiting for its decision, and the company registry's archive system
    await api.addClient('archive-system', ['archive-note', 'company-closed']);
    const caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'company-archive', title: '丁公司 档案', data: { companyName: '丁公司' } })).body.id as string;
    const receiptNo = (await caseOf(caseId)).receiptNo as string;

    // when a correction note arrives, the correction runs beside the wait
    const note = await api.call('archive-system', 'POST', '/api/messages', { name: 'archive-note', businessKey: receiptNo, data: { note: '地址更正' } });
    expect(note.status).toBe(200);
    expect(await steps(caseId)).toEqual(['correct']);
    expect((await caseOf(caseId)).awaiting).toEqual(['license-decided']);

    // a second note while the first is still being handled is refused
    const second = await api.call('archive-system', 'POST', '/api/messages', { name: 'archive-note', businessKey: receiptNo, data: {} });
    expect(second.status).toBe(409);

    // when the company is closed, everything else the case did ends and the closure runs
    const closed = await api.call('archive-system', 'POST', '/api/messages', { name: 'company-closed', businessKey: receiptNo, data: {} });
    expect(closed.status).toBe(200);
    expect(await steps(caseId)).toEqual(['closeFile']);
    expect((await caseOf(caseId)).awaiting).toEqual([]);
    await complete(caseId, 'closeFile');
    expect((await caseOf(caseId)).status).toBe('completed');
    expect((await api.call('admin', 'GET', `/api/cases/${caseId}/audit/verify`)).body.ok).toBe(true);
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000, state: () => Promise<string> = async () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`the condition did not come true in time ${await state()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
