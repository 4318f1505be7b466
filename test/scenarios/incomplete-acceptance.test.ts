import type { DeadlineJob } from '../../engine/deadlines';
import { systemActor } from '../../engine';
import { bpmn, type TestApi } from '../support/test-govflow';
import { applyForLicence, attachment, DAY, licensingMaterials, useScenario, type Scenario } from './scenario-support';

/** licensing-general as a service that allows 容缺受理, the materials to follow within 10 working days. */
const withIncompleteAcceptance = () => bpmn('licensing-general.bpmn').replace('govflow:public="true"', 'govflow:public="true" govflow:incompleteAcceptance="true" govflow:supplementLimit="10WD"');

/**
 * 容缺受理 (DOMAIN): an application without a required, non-essential material (经营场所使用证明)
 * is accepted; the case proceeds with the material due within the guide's limit, the decision
 * waits for it, and when the limit runs out without it the application is refused.
 */
describe('scenario: 容缺受理, accepting an application with a material to follow', () => {
  let api: TestApi;
  let s: Scenario;
  const { clock } = useScenario('licensing-general.bpmn', (scene) => ({ api, s } = scene));
  beforeAll(() => api.govflow.definitions.deploy(withIncompleteAcceptance(), systemActor));

  // the premises proof is the material the window accepts the application without
  const [essentials, premises] = [licensingMaterials.slice(0, 2), licensingMaterials[2]];

  async function acceptedWithout(title: string): Promise<{ id: string; receiptNo: string }> {
    const started = await applyForLicence(s, title, essentials);
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '容缺受理，经营场所使用证明后补' });
    return started;
  }

  const deferredJob = async (caseId: string): Promise<DeadlineJob | undefined> =>
    (await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === caseId && data.clockKey === 'deferred-materials');

  const handIn = (caseId: string, attachments: unknown[], user = 'applicant') => api.call(user, 'POST', `/api/cases/${caseId}/deferred-materials`, { attachments });

  it('accepts without the non-essential material, holds the decision until it comes, and takes exactly it', async () => {
    // an essential material cannot be missing, even so
    const incomplete = await api.call('applicant', 'POST', '/api/cases', { processKey: 'licensing-general', title: '缺申请书', data: { applicantName: '某某', businessScope: '热食' }, attachments: [essentials[1]] });
    expect(incomplete.status).toBe(422);
    expect(JSON.stringify(incomplete.body.errors)).toContain('application-form');

    const started = await acceptedWithout('容缺受理：后补材料');
    const view = await s.view(started.id, 'applicant');
    expect(view.deferredMaterials).toEqual({ materials: [{ material: 'premises-proof', name: '经营场所使用证明', reason: null }], acceptedAt: expect.any(String), dueDate: '2026-03-16', handedInAt: null });
    const told = (await api.call('applicant', 'GET', '/api/notifications')).body.items.find((item: { kind: string }) => item.kind === 'case.materials-deferred');
    expect(told.message).toBe(`容缺受理（${started.receiptNo}）：请于 2026-03-16 前补交 经营场所使用证明，逾期未补齐的不予许可`);
    expect(await deferredJob(started.id)).toMatchObject({ level: 'red' });

    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '符合条件' });
    await s.done('chief', started.id, 'check', { decision: 'pass', comment: '同意' });
    const early = await s.complete('leader', started.id, 'decide', { decision: 'grant', data: { licenceNo: 'JY1' } });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('经营场所使用证明');

    // exactly the deferred material, from the applicant
    const wrong = await handIn(started.id, [{ ...attachment('布局图.pdf'), material: 'layout-plan' }]);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((error: { path: string }) => error.path)).toEqual(['/attachments/0/material', '/attachments']);
    expect((await handIn(started.id, [premises], 'other-applicant')).status).toBe(404);
    expect((await handIn(started.id, [premises], 'clerk')).status).toBe(403);
    expect((await s.view(started.id)).deferredMaterials.handedInAt).toBeNull();

    clock.advance(2 * DAY);
    const handed = await handIn(started.id, [premises]);
    expect(handed.status).toBe(200);
    expect(await deferredJob(started.id)).toBeUndefined();
    expect((await handIn(started.id, [premises])).status).toBe(409);
    const after = await s.view(started.id);
    expect(after.deferredMaterials.handedInAt).not.toBeNull();
    expect(after.attachments.map((item: { material: string }) => item.material)).toContain('premises-proof');
    expect(await s.actions(started.id)).toContain('case.materials-handed-in');
    expect((await s.complete('leader', started.id, 'decide', { decision: 'grant', data: { licenceNo: 'JY2' } })).status).toBe(200);
  });

  it('refuses the application when the limit runs out without the material, and tells the applicant', async () => {
    const started = await acceptedWithout('容缺受理：逾期未补');
    const job = (await deferredJob(started.id))!;
    clock.now = new Date(job.at + 1000);
    await api.govflow.supervision.raiseDeadlineAlert(job);
    const view = await s.view(started.id, 'applicant');
    expect(view).toMatchObject({ status: 'completed', outcome: ['不予许可（容缺后补材料逾期未补齐）'], currentSteps: [] });
    const told = (await api.call('applicant', 'GET', '/api/notifications')).body.items.filter((item: { kind: string; caseId: string }) => item.kind === 'case.decided' && item.caseId === started.id);
    expect(told.map((item: { message: string }) => item.message)).toEqual([expect.stringContaining('不予许可（容缺后补材料逾期未补齐）')]);
    expect((await handIn(started.id, [premises])).status).toBe(409);
    expect(await s.actions(started.id)).toContain('case.refused');
    // the same job once more changes nothing
    await api.govflow.supervision.raiseDeadlineAlert(job);
    expect((await s.actions(started.id)).filter((action: string) => action === 'case.refused')).toHaveLength(1);
  });

  it('leaves a case alone when its job fires after the material came', async () => {
    const started = await acceptedWithout('容缺受理：按时补齐');
    const job = (await deferredJob(started.id))!;
    expect((await handIn(started.id, [premises])).status).toBe(200);
    clock.now = new Date(job.at + 1000);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toEqual({ raised: false, alertId: null });
    expect((await s.view(started.id)).status).toBe('running');
  });
});
