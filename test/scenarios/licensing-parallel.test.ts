import type { TestApi } from '../support/test-govflow';
import { useScenario, type Scenario, type Step } from './scenario-support';

/**
 * 行政许可（并联审批）end to end through the API: the window accepts, the licensing section
 * leads the review, the fire department, the planning bureau and the environment bureau sign
 * in parallel (会签, all must agree), the leader decides and the window issues the licence.
 *
 * The clock is set to Monday 2026-03-02 (China time): the promised 30 working days after
 * acceptance end on 2026-04-14 (清明 2026-04-04..06 is skipped), the statutory 45 on 2026-05-08.
 */
describe('scenario: licensing-parallel (并联审批) through the API', () => {
  let api: TestApi;
  let s: Scenario;
  useScenario('licensing-parallel.bpmn', (scene) => ({ api, s } = scene));
  const reviewers: Record<string, string> = {
    'review@fire-department': 'fire-reviewer',
    'review@planning-bureau': 'planning-reviewer',
    'review@environment-bureau': 'env-reviewer',
  };

  /** A case accepted and led through 牵头审查, waiting for the three departments' signatures. */
  async function atCountersign(title: string) {
    const started = await s.start('licensing-parallel', title, { project: '某商业综合体', address: '某区某路1号' });
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '材料齐全，予以受理' });
    expect(await s.done('clerk', started.id, 'leadReview', { decision: 'pass', comment: '牵头审查通过，征求消防、规划、环保意见' })).toMatchObject({
      nextTasks: [{ stepId: 'countersign' }, { stepId: 'countersign' }, { stepId: 'countersign' }],
    });
    return started;
  }

  async function signingTask(caseId: string, group: string): Promise<Step> {
    const open = (await s.steps(caseId)).filter((step) => step.stepId === 'countersign' && step.candidateGroups.includes(group));
    if (open.length !== 1) throw new Error(`no single signing task for ${group}: ${JSON.stringify(await s.steps(caseId))}`);
    return open[0];
  }

  async function sign(group: string, caseId: string, decision: 'agree' | 'disagree', comment: string) {
    const task = await signingTask(caseId, group);
    const response = await api.call(reviewers[group], 'POST', `/api/tasks/${task.taskId}/complete`, { decision, comment });
    expect(response.status).toBe(200);
    return response.body;
  }

  it('all three departments agree: the countersign passes, the leader grants and the window issues the licence', async () => {
    const started = await atCountersign('并联审批：全部同意');
    let view = await s.view(started.id);
    const signing = view.currentSteps.filter((step: Step) => step.stepId === 'countersign');
    expect(signing.map((step: Step) => step.candidateGroups[0]).sort()).toEqual(['review@environment-bureau', 'review@fire-department', 'review@planning-bureau']);
    expect(signing.every((step: Step) => step.assignee === null && step.name === '并联会签' && step.clock?.limit === '10WD')).toBe(true);
    expect(view.countersigns).toEqual([expect.objectContaining({ stepId: 'countersign', rule: 'all', signers: ['review@fire-department', 'review@planning-bureau', 'review@environment-bureau'], votes: [] })]);

    // each department sees its own signature in its inbox, and may sign no other
    const fireTask = await signingTask(started.id, 'review@fire-department');
    const fireInbox = (await api.call('fire-reviewer', 'GET', '/api/tasks?scope=claimable')).body.items.filter((item: { caseId: string }) => item.caseId === started.id);
    expect(fireInbox.map((item: { id: string }) => item.id)).toEqual([fireTask.taskId]);
    expect((await api.call('planning-reviewer', 'POST', `/api/tasks/${fireTask.taskId}/complete`, { decision: 'agree' })).status).toBe(403);
    expect((await api.call('fire-reviewer', 'POST', `/api/tasks/${fireTask.taskId}/complete`, { decision: 'approve' })).status).toBe(422);

    expect(await sign('review@fire-department', started.id, 'agree', '消防设计符合要求')).toMatchObject({ countersign: 'pending' });
    expect(await sign('review@environment-bureau', started.id, 'agree', '环评手续齐全')).toMatchObject({ countersign: 'pending' });
    view = await s.view(started.id);
    expect(view.countersigns[0].votes.map((vote: { signer: string; by: string; decision: string }) => `${vote.signer}:${vote.by}:${vote.decision}`)).toEqual([
      'review@fire-department:fire-reviewer:agree',
      'review@environment-bureau:env-reviewer:agree',
    ]);
    expect(view.currentSteps.map((step: Step) => step.candidateGroups[0])).toEqual(['review@planning-bureau']);
    expect(await sign('review@planning-bureau', started.id, 'agree', '符合控制性详细规划')).toMatchObject({ countersign: 'passed', nextTasks: [{ stepId: 'decide', name: '决定' }] });

    view = await s.view(started.id);
    expect(view.countersigns).toEqual([]);
    expect(view.currentSteps).toEqual([expect.objectContaining({ stepId: 'decide', candidateGroups: ['leader@market-bureau'] })]);
    expect(await s.done('leader', started.id, 'decide', { decision: 'grant', comment: '准予许可', data: { licenceNo: 'BL-2026-0042' } })).toMatchObject({ nextTasks: [{ stepId: 'issue' }] });
    expect(await s.done('clerk2', started.id, 'issue', { decision: 'issued', comment: '已送达' })).toMatchObject({ caseStatus: 'completed', nextTasks: [] });

    view = await s.view(started.id);
    expect(view.status).toBe('completed');
    expect(view.opinions.map((opinion: { stepId: string; by: string }) => `${opinion.stepId}:${opinion.by}`)).toEqual([
      'accept:clerk2',
      'leadReview:clerk',
      'countersign:fire-reviewer',
      'countersign:env-reviewer',
      'countersign:planning-reviewer',
      'decide:leader',
      'issue:clerk2',
    ]);
    // the departments that signed may read the case they took part in
    expect((await api.call('fire-reviewer', 'GET', `/api/cases/${started.id}`)).status).toBe(200);
    expect((await api.call('outsider', 'GET', `/api/cases/${started.id}`)).status).toBe(404);
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('one department disagrees: the countersign is rejected at once, the decision still follows and the leader denies with reasons', async () => {
    const started = await atCountersign('并联审批：消防不同意');
    const planningTask = await signingTask(started.id, 'review@planning-bureau');
    await sign('review@planning-bureau', started.id, 'agree', '符合规划');
    const rejected = await sign('review@fire-department', started.id, 'disagree', '内部意见：疏散通道宽度不足，不符合GB 50016');
    expect(rejected).toMatchObject({ countersign: 'rejected', caseStatus: 'running', nextTasks: [{ stepId: 'decide' }] });

    // the signature still open is cancelled with the countersign
    const view = await s.view(started.id);
    expect(view.currentSteps.map((step: Step) => step.stepId)).toEqual(['decide']);
    expect(view.countersigns).toEqual([]);
    expect((await api.call('env-reviewer', 'GET', '/api/tasks?scope=claimable')).body.items.filter((item: { caseId: string }) => item.caseId === started.id)).toEqual([]);
    expect((await api.call('planning-reviewer', 'POST', `/api/tasks/${planningTask.taskId}/complete`, { decision: 'agree' })).status).toBe(409);

    const reasons = '消防部门审查意见为不同意：疏散通道不符合国家标准，依法不予许可';
    expect(await s.done('leader', started.id, 'decide', { decision: 'deny', comment: reasons })).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
    const staff = await s.view(started.id);
    expect(staff.status).toBe('completed');
    expect(staff.opinions.filter((opinion: { stepId: string }) => opinion.stepId === 'countersign').map((opinion: { decision: string; by: string }) => `${opinion.by}:${opinion.decision}`)).toEqual([
      'planning-reviewer:agree',
      'fire-reviewer:disagree',
    ]);

    const denial = { stepId: 'decide', stepName: '决定', decision: 'deny', text: reasons, at: expect.any(String) };
    expect((await s.view(started.id, 'applicant')).opinions).toEqual([denial]);
    const progress = await s.progress(started);
    expect(progress).toMatchObject({ status: 'completed', currentSteps: [], opinions: [denial] });
    expect(JSON.stringify(progress)).not.toContain('内部意见');
    expect(await s.compliance(started.id)).toEqual([]);
  });

  it('runs on the promised 30 working days (statutory 45): due 2026-04-14 after acceptance on 2026-03-02, 2026-05-08 once extended by 15', async () => {
    const started = await s.start('licensing-parallel', '并联审批：时限', {});
    expect((await s.view(started.id)).clock).toBeNull();
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '予以受理' });
    const view = await s.view(started.id);
    expect(view.clock).toMatchObject({ limit: '30WD', state: 'running', paused: false, dueDate: '2026-04-14', warnings: [] });

    // joint handling may run to the statutory 45 working days, with the leader's approval
    expect((await api.call('clerk', 'POST', `/api/cases/${started.id}/clock/extend`, { extension: '15WD', reason: '并联审批情况复杂' })).status).toBe(403);
    const extended = await api.call('leader', 'POST', `/api/cases/${started.id}/clock/extend`, { extension: '15WD', reason: '经本机关负责人批准，延长至法定时限' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ limit: '45WD', dueDate: '2026-05-08', extensions: [{ by: 'leader', added: '15WD' }] });
    expect((await s.view(started.id)).clock).toMatchObject({ limit: '45WD', dueDate: '2026-05-08' });
  });
});
