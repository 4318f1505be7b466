import type { TestApi } from '../support/test-govflow';
import { DAY, useScenario, type Scenario, type Step } from './scenario-support';

/**
 * 行政处罚（一般程序）end to end through the API: an enforcement officer registers the case
 * source, the leader approves filing (立案) naming two investigators, they investigate (会签),
 * the section chief reviews, the legal office reviews major cases (法制审核), the brigade
 * notifies the party, a hearing (听证) stops the clock, the leader decides, the brigade serves
 * the decision and collects the fine, the chief closes the case; an unpaid fine goes to
 * 申请强制执行 when the 15-day payment timer fires.
 *
 * The clock is set to Monday 2026-03-02 (China time): the 90 natural days from filing end on
 * Sunday 2026-05-31, so the limit runs to the next working day, 2026-06-01.
 */
describe('scenario: administrative-penalty (行政处罚一般程序) through the API', () => {
  let api: TestApi;
  let s: Scenario;
  const { clock } = useScenario('administrative-penalty.bpmn', (scene) => ({ api, s } = scene));


  const ids = (steps: Step[]) => steps.map((step) => step.stepId);

  /** A case source registered by the enforcement brigade, waiting for the leader's 立案审批. */
  const register = (title = '某超市涉嫌无照经营案') => s.start('administrative-penalty', title, { party: '某超市', clue: '群众举报' }, 'officer1');

  /** Filed with officer1 and officer2 as investigators, both of whom have finished investigating; waits at 案件审核. */
  async function investigated(violation = 'unlicensed-operation', title?: string) {
    const started = await register(title);
    await s.done('leader', started.id, 'fileCase', { decision: 'file', comment: '同意立案', data: { violation, investigators: ['officer1', 'officer2'] } });
    for (const officer of ['officer1', 'officer2']) {
      const mine = (await s.steps(started.id)).find((step) => step.stepId === 'investigate' && step.assignee === officer)!;
      expect((await api.call(officer, 'POST', `/api/tasks/${mine.taskId}/complete`, { decision: 'done', comment: `${officer}：已完成现场检查并制作笔录` })).status).toBe(200);
    }
    return started;
  }

  /** Through 案件审核 (and 法制审核 for a major case) and a 告知 without hearing; waits at 决定. */
  async function atDecision({ violation = 'unlicensed-operation', major = false, proposedFine = 50000, title = '' } = {}) {
    const started = await investigated(violation, title || undefined);
    await s.done('chief', started.id, 'caseReview', { decision: 'pass', comment: '事实清楚，证据确凿', data: { major, fine: proposedFine } });
    if (major) await s.done('legal1', started.id, 'legalReview', { decision: 'approve', comment: '法制审核通过' });
    await s.done('officer1', started.id, 'notify', { decision: 'no-hearing', comment: '当事人放弃陈述申辩和听证' });
    expect(ids(await s.steps(started.id))).toEqual(['decide']);
    return started;
  }

  /** Decided with a fine and served; waits at 执行（缴纳罚款）with the payment timer armed. */
  async function atEnforcement(fine = 50000) {
    const started = await atDecision({ title: '罚款执行' });
    await s.done('leader', started.id, 'decide', { decision: 'penalize', comment: '责令停止违法行为，并处罚款', data: { fine } });
    await s.done('officer2', started.id, 'serve', { decision: 'served', comment: '直接送达，当事人签收' });
    expect(ids(await s.steps(started.id))).toEqual(['enforce']);
    return started;
  }

  it('立案: a filing without the violation or with fewer than two investigators is refused field by field, and nothing changes', async () => {
    const started = await register();
    const before = await s.view(started.id);
    expect(ids(before.currentSteps)).toEqual(['fileCase']);
    const fileTask = before.currentSteps[0] as Step;
    expect(fileTask.candidateGroups).toEqual(['leader@market-bureau']);
    // the leader sees the form the filing asks for
    const form = (await api.call('leader', 'GET', `/api/tasks/${fileTask.taskId}`)).body;
    expect(form.decisions).toEqual(['file', 'dismiss']);
    expect(form.form).toEqual([
      expect.objectContaining({ name: 'violation', type: 'enum', required: true, options: ['unlicensed-operation', 'false-advertising', 'expired-food'] }),
      expect.objectContaining({ name: 'investigators', type: 'list', required: true, minItems: 2 }),
    ]);

    const incomplete = await s.complete('leader', started.id, 'fileCase', { decision: 'file', comment: '同意立案', data: { investigators: ['officer1'] } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/data/violation', message: expect.any(String) },
        { path: '/data/investigators', message: expect.stringContaining('2') },
      ]),
    );
    expect(incomplete.body.errors).toHaveLength(2);
    const unknownViolation = await s.complete('leader', started.id, 'fileCase', { decision: 'file', data: { violation: 'speeding', investigators: ['officer1', 'officer2'] } });
    expect(unknownViolation.status).toBe(422);
    expect(unknownViolation.body.errors).toEqual([{ path: '/data/violation', message: expect.stringContaining('unlicensed-operation') }]);
    const typo = await s.complete('leader', started.id, 'fileCase', { decision: 'file', data: { violation: 'expired-food', investigators: ['officer1', 'officer2'], investigator: 'officer3' } });
    expect(typo.status).toBe(422);
    expect(typo.body.errors).toEqual([{ path: '/data/investigator', message: expect.any(String) }]);
    expect((await s.complete('leader', started.id, 'fileCase', { data: { violation: 'expired-food', investigators: ['officer1', 'officer2'] } })).status).toBe(422);

    const after = await s.view(started.id);
    expect(after.currentSteps).toEqual(before.currentSteps);
    expect(after.history).toEqual(before.history);
    expect(after.opinions).toEqual([]);
    expect(after.status).toBe('running');
  });

  it('不予立案: the leader dismisses the case source with reasons and the case ends', async () => {
    const started = await register('线索不实');
    const dismissed = await s.done('leader', started.id, 'fileCase', { decision: 'dismiss', comment: '经核查违法事实不成立，不予立案', data: { violation: 'false-advertising', investigators: ['officer1', 'officer2'] } });
    expect(dismissed).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
    expect((await s.view(started.id)).status).toBe('completed');
  });

  it('调查取证 is a countersign of exactly the two officers named in investigators; then 案件审核 marking the case major requires 法制审核', async () => {
    const started = await register('重大案件：虚假广告');
    const filed = await s.done('leader', started.id, 'fileCase', { decision: 'file', comment: '同意立案', data: { violation: 'false-advertising', investigators: ['officer2', 'officer1'] } });
    expect(filed.nextTasks.map((task: { stepId: string }) => task.stepId)).toEqual(['investigate', 'investigate']);
    let view = await s.view(started.id);
    expect(view.currentSteps.map((step: Step) => `${step.stepId}:${step.assignee}`)).toEqual(['investigate:officer2', 'investigate:officer1']);
    expect(view.countersigns).toEqual([expect.objectContaining({ stepId: 'investigate', rule: 'all', signers: ['officer2', 'officer1'] })]);
    expect(view.currentSteps[0].clock).toMatchObject({ limit: '30D' });

    const officer1Task = view.currentSteps.find((step: Step) => step.assignee === 'officer1') as Step;
    // nobody else signs an investigator's task
    expect((await api.call('officer2', 'POST', `/api/tasks/${officer1Task.taskId}/complete`, { decision: 'done' })).status).toBe(409);
    expect((await api.call('chief', 'POST', `/api/tasks/${officer1Task.taskId}/complete`, { decision: 'done' })).status).toBe(409);
    expect((await api.call('officer1', 'POST', `/api/tasks/${officer1Task.taskId}/complete`, { decision: 'done', comment: '现场检查笔录、询问笔录各一份' })).body).toMatchObject({ countersign: 'pending' });
    const officer2Task = (await s.steps(started.id)).find((step) => step.assignee === 'officer2') as Step;
    const investigatedAnswer = await api.call('officer2', 'POST', `/api/tasks/${officer2Task.taskId}/complete`, { decision: 'done', comment: '调取广告发布合同' });
    expect(investigatedAnswer.body).toMatchObject({ countersign: 'passed', nextTasks: [{ stepId: 'caseReview', name: '案件审核' }] });

    // the review form: whether the case is major, and the proposed fine
    const noMajor = await s.complete('chief', started.id, 'caseReview', { decision: 'pass', data: { fine: 80000 } });
    expect(noMajor.status).toBe(422);
    expect(noMajor.body.errors).toEqual([{ path: '/data/major', message: expect.any(String) }]);
    const badFine = await s.complete('chief', started.id, 'caseReview', { decision: 'pass', data: { major: 'yes', fine: -1 } });
    expect(badFine.status).toBe(422);
    expect(badFine.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['/data/fine', '/data/major']);

    expect(await s.done('chief', started.id, 'caseReview', { decision: 'pass', comment: '涉案金额较大，属重大案件', data: { major: true, fine: 180000 } })).toMatchObject({ nextTasks: [{ stepId: 'legalReview', name: '法制审核' }] });
    expect((await s.task(started.id, 'legalReview')).candidateGroups).toEqual(['legal@market-bureau']);
    // 法制审核 sends an unsound case back to 案件审核
    expect(await s.done('legal2', started.id, 'legalReview', { decision: 'reject', comment: '证据链不完整，请补充广告费用凭证' })).toMatchObject({ nextTasks: [{ stepId: 'caseReview' }] });
    await s.done('chief', started.id, 'caseReview', { decision: 'pass', comment: '已补充证据', data: { major: true, fine: 180000 } });
    expect(await s.done('legal1', started.id, 'legalReview', { decision: 'approve', comment: '事实清楚，适用法律正确' })).toMatchObject({ nextTasks: [{ stepId: 'notify', name: '告知' }] });

    view = await s.view(started.id);
    expect(view.opinions.map((opinion: { stepId: string; by: string; decision: string }) => `${opinion.stepId}:${opinion.by}:${opinion.decision}`)).toEqual([
      'fileCase:leader:file',
      'investigate:officer1:done',
      'investigate:officer2:done',
      'caseReview:chief:pass',
      'legalReview:legal2:reject',
      'caseReview:chief:pass',
      'legalReview:legal1:approve',
    ]);
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('案件审核 marking the case not major goes straight to 告知, without 法制审核', async () => {
    const started = await investigated('expired-food', '一般案件：过期食品');
    expect(await s.done('chief', started.id, 'caseReview', { decision: 'pass', comment: '一般案件', data: { major: false, fine: 5000 } })).toMatchObject({ nextTasks: [{ stepId: 'notify' }] });
    expect((await s.task(started.id, 'notify')).candidateGroups).toEqual(['enforcement-brigade@market-bureau']);
  });

  it('听证 stops the 90-day clock while it is open; the days it stood still move the due date back', async () => {
    const started = await investigated('unlicensed-operation', '听证案件');
    const before = await s.view(started.id);
    expect(before.clock).toMatchObject({ limit: '90D', state: 'running', paused: false, dueDate: '2026-06-01' });
    await s.done('chief', started.id, 'caseReview', { decision: 'pass', comment: '重大案件', data: { major: true, fine: 100000 } });
    await s.done('legal1', started.id, 'legalReview', { decision: 'approve', comment: '同意' });

    clock.set('2026-03-09T10:00');
    expect(await s.done('officer1', started.id, 'notify', { decision: 'hearing', comment: '当事人书面申请听证' })).toMatchObject({ nextTasks: [{ stepId: 'hearing', name: '听证' }] });
    const during = await s.view(started.id);
    expect(during.clock).toMatchObject({ paused: true, state: 'paused', due: null, pauses: [{ reason: '听证', to: null }] });
    expect(during.currentSteps).toEqual([expect.objectContaining({ stepId: 'hearing', candidateGroups: ['legal@market-bureau'] })]);

    // ten days (03-10 … 03-19) begin with the clock stopped
    clock.set('2026-03-19T10:00');
    expect(await s.done('legal2', started.id, 'hearing', { decision: 'done', comment: '听证会已举行，当事人陈述申辩理由不成立' })).toMatchObject({ nextTasks: [{ stepId: 'decide' }] });
    const after = await s.view(started.id);
    expect(after.clock).toMatchObject({ paused: false, state: 'running', dueDate: '2026-06-10' });
    expect(after.clock.pauses).toEqual([{ from: expect.any(String), to: expect.any(String), reason: '听证' }]);
    const actions = after.history.map((item: { action: string }) => item.action);
    expect(actions.filter((action: string) => action === 'task.completed')).toHaveLength(7);
  });

  it('决定: a fine outside the discretion range raises the fine-outside-discretion-range compliance point, a fine inside does not', async () => {
    const tooHigh = await atDecision({ violation: 'unlicensed-operation', title: '罚款超上限' });
    const outside = await s.complete('leader', tooHigh.id, 'decide', { decision: 'penalize', comment: '从重处罚', data: { fine: 150000 } });
    expect(outside.status).toBe(200);
    expect(outside.body.nextTasks).toEqual([expect.objectContaining({ stepId: 'serve' })]);
    expect(await s.compliance(tooHigh.id)).toEqual([expect.objectContaining({ rule: 'fine-outside-discretion-range', level: 'red', stepName: '决定', handler: 'leader', status: 'open' })]);

    const tooLow = await atDecision({ violation: 'expired-food', proposedFine: 1000, title: '罚款低于下限' });
    await s.done('leader', tooLow.id, 'decide', { decision: 'penalize', comment: '从轻处罚', data: { fine: 1000 } });
    expect((await s.compliance(tooLow.id)).map((point) => point.rule)).toEqual(['fine-outside-discretion-range']);

    const inside = await atDecision({ violation: 'unlicensed-operation', title: '罚款在幅度内' });
    const missingFine = await s.complete('leader', inside.id, 'decide', { decision: 'penalize', comment: '处罚' });
    expect(missingFine.status).toBe(422);
    expect(missingFine.body.errors).toEqual([{ path: '/data/fine', message: expect.any(String) }]);
    await s.done('leader', inside.id, 'decide', { decision: 'penalize', comment: '依法处罚', data: { fine: 100000 } });
    expect(await s.compliance(inside.id)).toEqual([]);

    // the office sees the cards of both cases outside the range, and only those
    const cards = (await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=compliance&process=administrative-penalty')).body.items;
    const outsideCases = cards.filter((card: { rule: string }) => card.rule === 'fine-outside-discretion-range').map((card: { caseId: string }) => card.caseId);
    expect(outsideCases.sort()).toEqual([tooHigh.id, tooLow.id].sort());
  });

  it('a major case decided after 法制审核 raises no major-penalty-without-legal-review point', async () => {
    const started = await atDecision({ major: true, proposedFine: 90000, title: '重大案件依法决定' });
    await s.done('leader', started.id, 'decide', { decision: 'penalize', comment: '经集体讨论决定', data: { fine: 90000 } });
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('送达 → 执行（缴纳罚款 paid）→ 结案: the case completes, and the payment timer is cancelled once the fine is paid', async () => {
    const started = await atEnforcement(60000);
    const enforce = await s.task(started.id, 'enforce');
    expect(enforce.candidateGroups).toEqual(['enforcement-brigade@market-bureau']);
    const [payment] = await s.timerJobs(started.id);
    expect(payment).toMatchObject({ stepId: 'paymentOverdue' });

    expect(await s.done('officer1', started.id, 'enforce', { decision: 'paid', comment: '当事人已缴纳罚款' })).toMatchObject({ nextTasks: [{ stepId: 'close', name: '结案' }] });
    expect(await s.timerJobs(started.id)).toEqual([]);
    expect(await api.govflow.cases.fireTimer(payment)).toEqual({ fired: false });
    expect(ids(await s.steps(started.id))).toEqual(['close']);

    expect(await s.done('chief', started.id, 'close', { decision: 'closed', comment: '执行完毕，予以结案' })).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
    const view = await s.view(started.id);
    expect(view.status).toBe('completed');
    expect(view.currentSteps).toEqual([]);
    expect(view.opinions.map((opinion: { stepId: string }) => opinion.stepId)).toEqual(['fileCase', 'investigate', 'investigate', 'caseReview', 'notify', 'decide', 'serve', 'enforce', 'close']);
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('an unpaid fine: the 15-day payment timer interrupts 执行 and opens 申请强制执行, after which the case is closed', async () => {
    const armedFrom = Date.now();
    const started = await atEnforcement(30000);
    const [payment] = await s.timerJobs(started.id);
    expect(payment.stepId).toBe('paymentOverdue');
    // 15 natural days from Monday 2026-03-02 09:30 end with Tuesday 2026-03-17
    const delay = payment.at - armedFrom;
    expect(delay).toBeGreaterThan(15 * DAY);
    expect(delay).toBeLessThan(16 * DAY + 3600_000);
    const enforce = await s.task(started.id, 'enforce');

    clock.set('2026-03-18T09:00');
    expect(await api.govflow.cases.fireTimer(payment)).toEqual({ fired: true });
    const view = await s.view(started.id);
    expect(view.currentSteps).toEqual([expect.objectContaining({ stepId: 'applyEnforcement', name: '申请强制执行', candidateGroups: ['legal@market-bureau'] })]);
    expect(view.history.at(-1)).toMatchObject({ action: 'timer.fired', stepName: '缴款期限届满' });
    expect((await api.call('officer1', 'POST', `/api/tasks/${enforce.taskId}/complete`, { decision: 'paid' })).status).toBe(409);
    expect(await api.govflow.cases.fireTimer(payment)).toEqual({ fired: false });

    expect(await s.done('legal1', started.id, 'applyEnforcement', { decision: 'done', comment: '已向人民法院申请强制执行' })).toMatchObject({ nextTasks: [{ stepId: 'close' }] });
    expect(await s.done('chief', started.id, 'close', { decision: 'closed', comment: '已申请强制执行，结案' })).toMatchObject({ caseStatus: 'completed' });
    expect((await s.view(started.id)).status).toBe('completed');
  });

  it('不予处罚: a decision not to penalize goes straight to 结案 and raises no fine card', async () => {
    const started = await atDecision({ violation: 'expired-food', proposedFine: 2000, title: '不予处罚' });
    // the decision form requires a fine; no fine is imposed, so the leader enters 0
    expect(await s.done('leader', started.id, 'decide', { decision: 'no-penalty', comment: '违法行为轻微并及时改正，没有造成危害后果，依法不予处罚', data: { fine: 0 } })).toMatchObject({
      nextTasks: [{ stepId: 'close' }],
    });
    await s.done('chief', started.id, 'close', { decision: 'closed', comment: '结案' });
    expect((await s.view(started.id)).status).toBe('completed');
    expect(await s.compliance(started.id)).toEqual([]);
  });
});
