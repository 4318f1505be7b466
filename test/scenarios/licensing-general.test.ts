import type { DeadlineJob } from '../../engine/deadlines';
import type { TestApi } from '../support/test-govflow';
import { applyForLicence, attachment, DAY, licensingMaterials, useScenario, type Scenario } from './scenario-support';

/**
 * 行政许可（一般程序）end to end through the HTTP API, as the window (clerk2), the licensing
 * section (clerk), the section chief (chief), the leader and the applicant would drive it:
 * the grant, refusal at acceptance, 补正 and its expiry, 退回, 撤回, the applicant's withdrawal,
 * a denial with reasons, and the special procedure that stops the clock.
 *
 * The clock is set to Monday 2026-03-02 (China time), so due dates follow the published 2026
 * holiday schedule: 15 working days after acceptance that day end on 2026-03-23.
 */
describe('scenario: licensing-general (行政许可一般程序) through the API', () => {
  let api: TestApi;
  let s: Scenario;
  const { clock } = useScenario('licensing-general.bpmn', (scene) => ({ api, s } = scene));


  /** The three materials the service guide requires. */
  const apply = (title?: string) => applyForLicence(s, title);

  /** An application accepted by the window and waiting at 审查. */
  async function accepted(title?: string) {
    const started = await apply(title);
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '材料齐全，符合法定形式，予以受理' });
    return started;
  }

  /** An application checked by the chief and waiting at the leader's 决定. */
  async function atDecision(title?: string) {
    const started = await accepted(title);
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '内部意见：经营场所布局合理，建议准予' });
    await s.done('chief', started.id, 'check', { decision: 'pass', comment: '内部意见：同意审查意见' });
    return started;
  }

  it('grant: 受理 → 审查 → 审核 → 决定（准予）→ 制证送达 → 办结, with every opinion and the licence step', async () => {
    const started = await apply();
    expect(started.receiptNo).toMatch(/^GF/);
    let view = await s.view(started.id);
    expect(view).toMatchObject({ status: 'running', clock: null });
    expect(view.currentSteps).toEqual([expect.objectContaining({ stepId: 'accept', name: '受理', assignee: null, candidateGroups: ['window@market-bureau'] })]);
    expect(view.attachments).toEqual(licensingMaterials.map((material) => expect.objectContaining({ name: material.name, material: material.material, addedBy: 'applicant', stepId: null, taskId: null })));
    expect((await s.progress(started)).currentSteps).toEqual(['受理']);

    const acceptTask = (await s.task(started.id, 'accept')).taskId;
    expect((await api.call('clerk2', 'POST', `/api/tasks/${acceptTask}/claim`)).status).toBe(200);
    expect((await api.call('clerk', 'POST', `/api/tasks/${acceptTask}/complete`, { decision: 'accept' })).status).toBe(409);
    const acceptance = await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '材料齐全，予以受理' });
    expect(acceptance).toMatchObject({ caseStatus: 'running', nextTasks: [{ stepId: 'review', name: '审查' }] });
    view = await s.view(started.id);
    // the case clock starts at acceptance, on the promised limit
    expect(view.clock).toMatchObject({ limit: '15WD', state: 'running', paused: false, dueDate: '2026-03-23' });
    expect(await s.progress(started)).toMatchObject({ dueDate: '2026-03-23', outcome: [], endedAt: null });

    // the window clerk is no member of the licensing section
    expect((await s.complete('clerk2', started.id, 'review', { decision: 'pass' })).status).toBe(403);
    expect(await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '经审查，符合许可条件' })).toMatchObject({ nextTasks: [{ stepId: 'check', name: '审核' }] });
    expect((await s.task(started.id, 'check')).candidateGroups).toEqual(['chief@market-bureau']);
    expect(await s.done('chief', started.id, 'check', { decision: 'pass', comment: '同意' })).toMatchObject({ nextTasks: [{ stepId: 'decide', name: '决定' }] });

    const decideTask = await api.call('leader', 'GET', `/api/tasks/${(await s.task(started.id, 'decide')).taskId}`);
    expect(decideTask.status).toBe(200);
    expect(decideTask.body.decisions).toEqual(['grant', 'deny']);
    expect(decideTask.body.form).toEqual([expect.objectContaining({ name: 'licenceNo', type: 'string', maxLength: 50 })]);
    expect(decideTask.body.opinions.map((opinion: { stepId: string }) => opinion.stepId)).toEqual(['accept', 'review', 'check']);
    expect((await s.complete('leader', started.id, 'decide', { decision: 'approve' })).status).toBe(422);
    const tooLong = await s.complete('leader', started.id, 'decide', { decision: 'grant', data: { licenceNo: 'X'.repeat(51) } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toEqual([{ path: '/data/licenceNo', message: expect.any(String) }]);
    const granted = await s.done('leader', started.id, 'decide', { decision: 'grant', comment: '准予许可', data: { licenceNo: 'JY13301060000001' } });
    expect(granted).toMatchObject({ caseStatus: 'running', nextTasks: [{ stepId: 'issue', name: '制证送达' }] });
    expect((await s.task(started.id, 'issue')).clock).toMatchObject({ limit: '10WD', paused: false });

    // decided: the applicant can no longer withdraw
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/withdraw`, { reason: '不想办了' })).status).toBe(409);

    const issued = await s.done('clerk2', started.id, 'issue', { decision: 'issued', comment: '许可证已送达', attachments: [attachment('食品经营许可证.pdf')] });
    expect(issued).toMatchObject({ caseStatus: 'completed', nextTasks: [] });

    view = await s.view(started.id);
    expect(view.status).toBe('completed');
    expect(view.endedAt).not.toBeNull();
    expect(view.currentSteps).toEqual([]);
    expect(view.opinions.map((opinion: { stepId: string; by: string; decision: string }) => `${opinion.stepId}:${opinion.by}:${opinion.decision}`)).toEqual([
      'accept:clerk2:accept',
      'review:clerk:pass',
      'check:chief:pass',
      'decide:leader:grant',
      'issue:clerk2:issued',
    ]);
    expect(view.attachments.map((item: { name: string; stepId: string | null }) => `${item.name}@${item.stepId}`)).toEqual(['申请书.pdf@null', '营业执照.pdf@null', '租赁合同.pdf@null', '食品经营许可证.pdf@issue']);
    expect(view.history.filter((item: { action: string }) => item.action === 'task.completed').map((item: { stepName: string }) => item.stepName)).toEqual(['受理', '审查', '审核', '决定', '制证送达']);

    // the applicant sees the outcome but no internal opinion, and no names
    const mine = await s.view(started.id, 'applicant');
    expect(mine.status).toBe('completed');
    expect(mine.opinions).toEqual([]);
    expect(mine.history.every((item: Record<string, unknown>) => item.actor === undefined)).toBe(true);
    expect(mine.outcome).toEqual(['办结']);
    expect(await s.progress(started)).toMatchObject({ status: 'completed', currentSteps: [], awaiting: [], opinions: [], outcome: ['办结'], endedAt: view.endedAt });
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('refusal at acceptance (不予受理) ends the case; a refusal without reasons raises a compliance point, one with reasons does not', async () => {
    const silent = await apply('不予受理（无理由）');
    expect(await s.done('clerk2', silent.id, 'accept', { decision: 'refuse' })).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
    const reasoned = await apply('不予受理（有理由）');
    expect(await s.done('clerk2', reasoned.id, 'accept', { decision: 'refuse', comment: '申请事项依法不需要取得行政许可' })).toMatchObject({ caseStatus: 'completed' });

    expect((await s.view(silent.id)).status).toBe('completed');
    expect((await s.progress(silent)).status).toBe('completed');
    expect(await s.compliance(silent.id)).toEqual([expect.objectContaining({ rule: 'decision-without-reasons', level: 'red', stepName: '受理', handler: 'clerk2', status: 'open' })]);
    expect(await s.compliance(reasoned.id)).toEqual([]);
    // nothing is left to act on
    expect((await api.call('applicant', 'POST', `/api/cases/${silent.id}/withdraw`, {})).status).toBe(409);
  });

  it('补正: the case waits for the applicant with no case clock running, and the supplement brings it back to 受理', async () => {
    const started = await apply('补正后受理');
    // the list names the service's materials, each once
    for (const missingMaterials of [[{ material: 'tax-certificate' }], [{ material: 'layout-plan' }, { material: 'layout-plan' }], '营业执照副本', []]) {
      const refused = await s.complete('clerk2', started.id, 'accept', { decision: 'supplement', data: { missingMaterials } });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ path: '/data/missingMaterials', message: expect.any(String) }]);
    }
    const missingMaterials = [
      { material: 'business-licence', reason: '营业执照副本已过有效期，请提交在有效期内的副本' },
      { material: 'layout-plan', reason: '请补充设备布局和工艺流程图' },
    ];
    const asked = await s.done('clerk2', started.id, 'accept', { decision: 'supplement', comment: '请一次性补正以下材料', data: { missingMaterials } });
    expect(asked).toMatchObject({ caseStatus: 'running', nextTasks: [] });

    // the applicant reads the list as the window wrote it, and is told
    const told = await s.view(started.id, 'applicant');
    expect(told.supplementRequests).toEqual([
      {
        stepId: 'accept',
        stepName: '受理',
        askedAt: expect.any(String),
        materials: [
          { material: 'business-licence', name: '营业执照', reason: missingMaterials[0]!.reason },
          { material: 'layout-plan', name: '设备布局和工艺流程图', reason: missingMaterials[1]!.reason },
        ],
        note: '请一次性补正以下材料',
        answeredAt: null,
      },
    ]);
    expect((await s.view(started.id)).supplementRequests[0].askedBy).toBe('clerk2');
    const notified = (await api.call('applicant', 'GET', '/api/notifications')).body.items;
    expect(notified).toContainEqual(expect.objectContaining({ kind: 'case.supplement-requested', message: `请补正材料（${started.receiptNo}）：营业执照、设备布局和工艺流程图` }));

    const waiting = await s.view(started.id);
    expect(waiting.status).toBe('running');
    expect(waiting.awaiting).toEqual(['supplement']);
    expect(waiting.currentSteps).toEqual([]);
    // the case clock starts on acceptance (govflow:clockStart with its go-ahead decision), not on a request for 补正
    expect(waiting.clock).toBeNull();
    expect((await s.progress(started)).awaiting).toEqual(['supplement']);
    const [lapse] = await s.timerJobs(started.id);
    expect(lapse).toMatchObject({ stepId: 'supplementLapsed' });

    // only the applicant supplements, and form fields are checked on the way in
    expect((await api.call('other-applicant', 'POST', `/api/cases/${started.id}/supplement`, { note: '冒名补正' })).status).toBe(404);
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { note: '坏附件', attachments: [{ name: 'x' }] })).status).toBe(400);

    // a supplement hands in exactly what was asked
    const licence = { ...attachment('营业执照副本.pdf'), material: 'business-licence' };
    const plan = { ...attachment('布局图.pdf'), material: 'layout-plan' };
    const partly = await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { attachments: [licence] });
    expect(partly.status).toBe(422);
    expect(partly.body.errors).toEqual([{ path: '/attachments', message: expect.stringContaining('设备布局和工艺流程图') }]);
    const astray = await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { attachments: [licence, plan, attachment('其他.pdf'), { ...attachment('租赁合同.pdf'), material: 'premises-proof' }] });
    expect(astray.status).toBe(422);
    expect(astray.body.errors.map((error: { path: string }) => error.path)).toEqual(['/attachments/2/material', '/attachments/3/material']);
    expect((await s.view(started.id)).awaiting).toEqual(['supplement']);

    clock.set('2026-03-09T10:00');
    const supplemented = await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { note: '已补交营业执照副本及布局图', attachments: [licence, plan] });
    expect(supplemented.status).toBe(200);
    expect(supplemented.body).toMatchObject({ caseId: started.id, status: 'running', nextTasks: [{ stepId: 'accept', name: '受理' }] });

    const back = await s.view(started.id);
    expect(back.awaiting).toEqual([]);
    expect(back.currentSteps).toEqual([expect.objectContaining({ stepId: 'accept', candidateGroups: ['window@market-bureau'] })]);
    expect(back.attachments).toContainEqual(expect.objectContaining({ name: '营业执照副本.pdf', material: 'business-licence', addedBy: 'applicant' }));
    expect(back.supplementRequests[0].answeredAt).toBe(new Date('2026-03-09T10:00:00+08:00').toISOString());
    expect(back.history.map((item: { action: string }) => item.action)).toContain('case.supplemented');
    // the lapse timer is gone and its stale job changes nothing
    expect(await s.timerJobs(started.id)).toEqual([]);
    expect(await api.govflow.cases.fireTimer(lapse)).toEqual({ fired: false });
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { note: '再补一次' })).status).toBe(409);

    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '补正后材料齐全，予以受理' });
    const running = await s.view(started.id);
    expect(running.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['review']);
    // accepted on Monday 2026-03-09: fifteen working days end on 2026-03-30
    expect(running.clock).toMatchObject({ limit: '15WD', paused: false, state: 'running', dueDate: '2026-03-30' });
  });

  it('一次性告知: a second 补正 may ask again for what the first listed, but asking for something new is a compliance point', async () => {
    const licence = { ...attachment('营业执照副本.pdf'), material: 'business-licence' };
    const askAndAnswer = async (caseId: string, missingMaterials: Array<{ material: string; reason?: string }>, answer: unknown[]) => {
      await s.done('clerk2', caseId, 'accept', { decision: 'supplement', comment: '请补正', data: { missingMaterials } });
      expect((await api.call('applicant', 'POST', `/api/cases/${caseId}/supplement`, { attachments: answer })).status).toBe(200);
    };
    const again = await apply('再次补正同一材料');
    await askAndAnswer(again.id, [{ material: 'business-licence', reason: '副本模糊' }], [licence]);
    await askAndAnswer(again.id, [{ material: 'business-licence', reason: '仍不清晰' }], [licence]);
    expect((await s.view(again.id)).supplementRequests.map((request: { answeredAt: string | null }) => request.answeredAt !== null)).toEqual([true, true]);
    expect(await s.compliance(again.id)).toEqual([]);

    const piecemeal = await apply('分次告知');
    await askAndAnswer(piecemeal.id, [{ material: 'business-licence' }], [licence]);
    await s.done('clerk2', piecemeal.id, 'accept', { decision: 'supplement', data: { missingMaterials: [{ material: 'layout-plan', reason: '首次未告知的材料' }] } });
    expect(await s.compliance(piecemeal.id)).toEqual([expect.objectContaining({ rule: 'supplement-not-told-at-once', level: 'red', stepName: '受理', handler: 'clerk2' })]);
  });

  describe('§32 deemed acceptance (视为受理)', () => {
    /** The red deadline job of the open 受理 step, fired as the deadline worker would, once its time has come. */
    async function overdueAcceptance(caseId: string): Promise<void> {
      const { taskId } = await s.task(caseId, 'accept');
      const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
      const job = jobs.map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === caseId && data.level === 'red' && data.clockKey === taskId);
      if (!job) throw new Error(`no red deadline job for 受理 of ${caseId}`);
      clock.now = new Date(job.at + 1000);
      expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });
    }

    it('an application left undecided past 受理’s 5 working days counts as accepted from its receipt: clock, record, notices, compliance point', async () => {
      const started = await apply('逾期未受理');
      // received Monday 2026-03-02; 受理 is due within 5 working days
      await overdueAcceptance(started.id);
      const view = await s.view(started.id);
      expect(view.acceptance).toEqual({ kind: 'deemed', at: new Date('2026-03-02T09:30:00+08:00').toISOString() });
      // the case clock runs from the receipt: 15 working days from Monday 2026-03-02 end on 2026-03-23
      expect(view.clock).toMatchObject({ limit: '15WD', state: 'running', dueDate: '2026-03-23' });
      expect(view.history.map((item: { action: string }) => item.action)).toContain('case.deemed-accepted');
      expect((await s.view(started.id, 'applicant')).acceptance).toEqual(view.acceptance);
      expect((await s.progress(started)).acceptance).toEqual(view.acceptance);
      expect(await s.compliance(started.id)).toEqual([expect.objectContaining({ rule: 'deemed-acceptance', level: 'red', stepName: '受理' })]);
      const told = (await api.call('applicant', 'GET', '/api/notifications')).body.items;
      expect(told).toContainEqual(expect.objectContaining({ kind: 'case.deemed-accepted', message: expect.stringContaining(started.receiptNo) }));
      const window = (await api.call('clerk2', 'GET', '/api/notifications')).body.items;
      expect(window).toContainEqual(expect.objectContaining({ kind: 'case.deemed-accepted' }));

      // it can no longer be refused or sent back; going ahead keeps the clock that runs from receipt
      expect((await s.complete('clerk2', started.id, 'accept', { decision: 'refuse', comment: '材料不全' })).status).toBe(409);
      expect((await s.complete('clerk2', started.id, 'accept', { decision: 'supplement', data: { missingMaterials: [{ material: 'layout-plan' }] } })).status).toBe(409);
      await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '予以受理' });
      const accepted = await s.view(started.id);
      expect(accepted.acceptance).toEqual(view.acceptance);
      expect(accepted.clock).toMatchObject({ dueDate: '2026-03-23' });
      expect(accepted.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['review']);
    });

    it('an acceptance decided in time is recorded as the window’s, and a late one the deadline worker missed is still the deemed one', async () => {
      const inTime = await apply('按时受理');
      clock.set('2026-03-04T10:00');
      await s.done('clerk2', inTime.id, 'accept', { decision: 'accept' });
      expect((await s.view(inTime.id)).acceptance).toEqual({ kind: 'accepted', at: new Date('2026-03-04T10:00:00+08:00').toISOString() });
      expect(await s.compliance(inTime.id)).toEqual([]);

      clock.set('2026-03-02T09:30');
      const late = await apply('迟延受理');
      clock.set('2026-03-12T10:00');
      await s.done('clerk2', late.id, 'accept', { decision: 'accept' });
      const view = await s.view(late.id);
      expect(view.acceptance).toEqual({ kind: 'deemed', at: new Date('2026-03-02T09:30:00+08:00').toISOString() });
      expect(view.clock).toMatchObject({ dueDate: '2026-03-23' });
      expect((await s.compliance(late.id)).map((point) => point.rule)).toEqual(['deemed-acceptance']);
    });

    it('a case waiting for the applicant’s 补正 is not deemed accepted', async () => {
      const started = await apply('补正中');
      const { taskId } = await s.task(started.id, 'accept');
      const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
      const job = jobs.map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === started.id && data.level === 'red' && data.clockKey === taskId)!;
      await s.done('clerk2', started.id, 'accept', { decision: 'supplement', data: { missingMaterials: [{ material: 'layout-plan' }] } });
      clock.now = new Date(job.at + 1000);
      expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: false });
      expect((await s.view(started.id)).acceptance).toBeNull();
    });
  });

  it('补正 expiry: when the 15-working-day wait lapses the timer ends the case (逾期未补正，终止办理)', async () => {
    const started = await apply('逾期未补正');
    const armedFrom = Date.now();
    await s.done('clerk2', started.id, 'accept', { decision: 'supplement', comment: '请补正', data: { missingMaterials: [{ material: 'premises-proof', reason: '租赁合同已到期' }] } });
    const [lapse] = await s.timerJobs(started.id);
    expect(lapse.stepId).toBe('supplementLapsed');
    // 15 working days from Monday 2026-03-02 09:30 end with 2026-03-23: 21 days and 14.5 hours on
    const delay = lapse.at - armedFrom;
    expect(delay).toBeGreaterThan(21 * DAY);
    expect(delay).toBeLessThan(22 * DAY + 3600_000);

    clock.set('2026-03-24T09:00');
    expect(await api.govflow.cases.fireTimer(lapse)).toEqual({ fired: true });
    const ended = await s.view(started.id);
    expect(ended).toMatchObject({ status: 'completed', currentSteps: [], awaiting: [] });
    expect(ended.history.at(-1)).toMatchObject({ action: 'timer.fired', stepName: '补正期限届满', statusAfter: 'completed' });
    expect(await s.progress(started)).toMatchObject({ status: 'completed', currentSteps: [], awaiting: [], outcome: ['逾期未补正，终止办理'] });
    expect(await s.timerJobs(started.id)).toEqual([]);
    expect(await api.govflow.cases.fireTimer(lapse)).toEqual({ fired: false });
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { note: '迟交的材料' })).status).toBe(409);
  });

  it('the applicant may withdraw while asked for a supplement: nothing is awaited any more and the lapse timer is gone', async () => {
    const started = await apply('补正期间撤回');
    await s.done('clerk2', started.id, 'accept', { decision: 'supplement', comment: '请补正', data: { missingMaterials: [{ material: 'layout-plan' }] } });
    const [lapse] = await s.timerJobs(started.id);
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/withdraw`, { reason: '暂不经营' })).body).toEqual({ id: started.id, status: 'withdrawn' });
    const view = await s.view(started.id);
    expect(view).toMatchObject({ status: 'withdrawn', currentSteps: [] });
    expect(view.awaiting).toEqual([]);
    expect((await s.progress(started)).awaiting).toEqual([]);
    expect(await s.timerJobs(started.id)).toEqual([]);
    expect(await api.govflow.cases.fireTimer(lapse)).toEqual({ fired: false });
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/supplement`, { note: '又想办了' })).status).toBe(409);
  });

  it('退回 by decision: the chief returns the case from 审核 to 审查, the section resubmits and it goes on to 决定', async () => {
    const started = await accepted('审核退回（决定）');
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '初审通过' });
    const returned = await s.done('chief', started.id, 'check', { decision: 'return', comment: '现场核查记录不完整，请补充' });
    expect(returned.nextTasks).toEqual([expect.objectContaining({ stepId: 'review' })]);
    const review = await s.task(started.id, 'review');
    expect(review.candidateGroups).toEqual(['licensing-section@market-bureau']);

    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '已补充现场核查记录' });
    expect(await s.done('chief', started.id, 'check', { decision: 'pass', comment: '同意' })).toMatchObject({ nextTasks: [{ stepId: 'decide' }] });
    const view = await s.view(started.id);
    expect(view.opinions.map((opinion: { stepId: string; decision: string }) => `${opinion.stepId}:${opinion.decision}`)).toEqual(['accept:accept', 'review:pass', 'check:return', 'review:pass', 'check:pass']);
  });

  it('退回 as an operation: the chief sends the case back to 审查 with a reason, to the clerk who reviewed it, who resubmits', async () => {
    const started = await accepted('审核退回（操作）');
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '初审通过' });
    const check = await s.task(started.id, 'check');
    expect((await api.call('chief', 'POST', `/api/tasks/${check.taskId}/return`, { reason: '' })).status).toBe(400);
    expect((await api.call('chief', 'POST', `/api/tasks/${check.taskId}/return`, { reason: '未到此步', to: 'decide' })).status).toBe(422);
    expect((await api.call('clerk2', 'POST', `/api/tasks/${check.taskId}/return`, { reason: '越权退回' })).status).toBe(403);

    const returned = await api.call('chief', 'POST', `/api/tasks/${check.taskId}/return`, { reason: '审查意见缺少法律依据' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ caseId: started.id, stepId: 'review', assignee: 'clerk' });
    let view = await s.view(started.id);
    expect(view.currentSteps).toEqual([expect.objectContaining({ stepId: 'review', assignee: 'clerk' })]);
    expect(view.history.at(-1)).toMatchObject({ action: 'task.returned', stepName: '审核', actor: 'chief', comment: expect.stringContaining('审查意见缺少法律依据') });
    expect((await api.call('clerk', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'task.returned', caseId: started.id }));
    expect((await api.call('chief', 'POST', `/api/tasks/${check.taskId}/complete`, { decision: 'pass' })).status).toBe(409);

    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '依据《食品经营许可管理办法》第十条，符合条件' });
    await s.done('chief', started.id, 'check', { decision: 'pass', comment: '同意' });
    view = await s.view(started.id);
    expect(view.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['decide']);
  });

  it('撤回: the reviewer takes 审查 back while 审核 is untouched, and is refused once the chief has claimed it', async () => {
    const started = await accepted('撤回审查意见');
    const first = await s.task(started.id, 'review');
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '通过（笔误）' });
    expect((await api.call('clerk2', 'POST', `/api/tasks/${first.taskId}/withdraw`, {})).status).toBe(403);
    const withdrawn = await api.call('clerk', 'POST', `/api/tasks/${first.taskId}/withdraw`, { reason: '审查意见有误' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ caseId: started.id, stepId: 'review', assignee: 'clerk' });
    let view = await s.view(started.id);
    expect(view.currentSteps.map((step: { stepId: string; assignee: string }) => `${step.stepId}:${step.assignee}`)).toEqual(['review:clerk']);
    expect(view.history.at(-1)).toMatchObject({ action: 'task.withdrawn', stepName: '审查', actor: 'clerk' });

    const second = await s.task(started.id, 'review');
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '通过' });
    const check = await s.task(started.id, 'check');
    expect((await api.call('chief', 'POST', `/api/tasks/${check.taskId}/claim`)).status).toBe(200);
    const refused = await api.call('clerk', 'POST', `/api/tasks/${second.taskId}/withdraw`, { reason: '还想改' });
    expect(refused.status).toBe(409);
    view = await s.view(started.id);
    expect(view.currentSteps.map((step: { stepId: string; assignee: string }) => `${step.stepId}:${step.assignee}`)).toEqual(['check:chief']);
  });

  it('the applicant withdraws before the decision: the case ends withdrawn and its open step closes', async () => {
    const started = await accepted('决定前撤回');
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '通过' });
    const check = await s.task(started.id, 'check');
    expect((await api.call('other-applicant', 'POST', `/api/cases/${started.id}/withdraw`, { reason: '冒名' })).status).toBe(404);
    expect((await api.call('clerk', 'POST', `/api/cases/${started.id}/withdraw`, { reason: '代撤' })).status).toBe(403);
    const withdrawn = await api.call('applicant', 'POST', `/api/cases/${started.id}/withdraw`, { reason: '经营计划变更' });
    expect(withdrawn.body).toEqual({ id: started.id, status: 'withdrawn' });
    const view = await s.view(started.id);
    expect(view).toMatchObject({ status: 'withdrawn', currentSteps: [] });
    expect(view.history.at(-1)).toMatchObject({ action: 'case.withdrawn', actor: 'applicant', comment: '经营计划变更' });
    expect((await api.call('chief', 'POST', `/api/tasks/${check.taskId}/complete`, { decision: 'pass' })).status).toBe(409);
    expect((await api.call('chief', 'GET', '/api/tasks?scope=claimable')).body.items.filter((item: { caseId: string }) => item.caseId === started.id)).toEqual([]);
    expect((await s.progress(started)).status).toBe('withdrawn');
    expect((await api.call('applicant', 'POST', `/api/cases/${started.id}/withdraw`, {})).status).toBe(409);
  });

  it('denial (不予许可) with reasons: the applicant reads the reasons in the case and in public progress, never the internal opinions', async () => {
    const started = await atDecision('不予许可');
    const reasons = '经现场核查，经营场所与污染源距离不足25米，不符合《食品经营许可管理办法》第十一条规定';
    expect(await s.done('leader', started.id, 'decide', { decision: 'deny', comment: reasons })).toMatchObject({ caseStatus: 'completed', nextTasks: [] });

    const staffView = await s.view(started.id);
    expect(staffView.status).toBe('completed');
    expect(staffView.opinions.map((opinion: { stepId: string }) => opinion.stepId)).toEqual(['accept', 'review', 'check', 'decide']);
    expect(staffView.opinions.at(-1)).toMatchObject({ decision: 'deny', text: reasons, by: 'leader' });

    const denial = { stepId: 'decide', stepName: '决定', decision: 'deny', text: reasons, at: expect.any(String) };
    const mine = await s.view(started.id, 'applicant');
    expect(mine.opinions).toEqual([denial]);
    expect(JSON.stringify(mine)).not.toContain('内部意见');
    const progress = await s.progress(started);
    expect(progress).toMatchObject({ status: 'completed', currentSteps: [], outcome: ['不予许可'] });
    expect(progress.opinions).toEqual([denial]);
    expect(JSON.stringify(progress)).not.toContain('内部意见');
    expect(JSON.stringify(progress)).not.toContain('leader');
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('a denial without reasons raises the decision-without-reasons compliance point against the leader', async () => {
    const started = await atDecision('无理由不予许可');
    await s.done('leader', started.id, 'decide', { decision: 'deny' });
    expect(await s.compliance(started.id)).toEqual([expect.objectContaining({ rule: 'decision-without-reasons', stepName: '决定', handler: 'leader', level: 'red' })]);
  });

  it('特别程序 stops the case clock while it is open and lets it run on afterwards, with the days it stood still added', async () => {
    const started = await accepted('专家评审');
    expect((await s.view(started.id)).clock).toMatchObject({ dueDate: '2026-03-23', paused: false });

    clock.set('2026-03-02T11:00');
    expect(await s.done('clerk', started.id, 'review', { decision: 'special', comment: '需组织专家评审' })).toMatchObject({ nextTasks: [{ stepId: 'specialProcedure' }] });
    const during = await s.view(started.id);
    expect(during.clock).toMatchObject({ paused: true, state: 'paused', due: null, pauses: [{ reason: '特别程序（专家评审/现场核查）', to: null }] });
    expect((await s.progress(started)).currentSteps).toEqual(['特别程序（专家评审/现场核查）']);

    const missing = await s.complete('clerk', started.id, 'specialProcedure', { comment: '评审完成' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: '/data/specialProcedureKind', message: expect.any(String) }]);
    const wrongKind = await s.complete('clerk', started.id, 'specialProcedure', { data: { specialProcedureKind: 'lottery' } });
    expect(wrongKind.status).toBe(422);
    expect((await s.view(started.id)).currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['specialProcedure']);

    // three days (03-03, 03-04, 03-05) began with the clock stopped and do not count
    clock.set('2026-03-05T10:00');
    expect(await s.done('clerk', started.id, 'specialProcedure', { comment: '专家评审通过', data: { specialProcedureKind: 'expert-review' } })).toMatchObject({ nextTasks: [{ stepId: 'review' }] });
    const after = await s.view(started.id);
    expect(after.clock).toMatchObject({ paused: false, state: 'running', dueDate: '2026-03-26' });
    expect(after.clock.pauses).toEqual([{ from: expect.any(String), to: expect.any(String), reason: '特别程序（专家评审/现场核查）' }]);
    expect(after.currentSteps).toEqual([expect.objectContaining({ stepId: 'review', clock: expect.objectContaining({ limit: '10WD', paused: false }) })]);

    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '结合专家意见，符合条件' });
    expect((await s.view(started.id)).currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['check']);
  });
});
