import type { DeadlineJob } from '../../engine/deadlines';
import { resolveOptions } from '../../engine/options';
import type { TestApi } from '../support/test-govflow';
import { applyForLicence, DAY, useScenario, type Scenario } from './scenario-support';

/**
 * 政务服务"好差评" (国办发〔2019〕51号) on 行政许可（一般程序）: the applicant rates the window at
 * 受理 and the handling after 办结, once per stage; a 不满意 opens a follow-up (整改) for the
 * department with a 15-working-day limit, tracked by the supervision office as its notices are —
 * the answer reaches the applicant (回访), a late one raises a red card — and the figures show
 * the satisfaction rate and the follow-ups answered in time.
 */
describe('scenario: rating a case (好差评) and following a poor rating up (整改)', () => {
  let api: TestApi;
  let s: Scenario;
  const { clock } = useScenario('licensing-general.bpmn', (scene) => ({ api, s } = scene));

  const apply = (title: string) => applyForLicence(s, title);
  const rate = (caseId: string, body: unknown, user = 'applicant') => api.call(user, 'POST', `/api/cases/${caseId}/rating`, body);

  async function granted(caseId: string): Promise<void> {
    await s.done('clerk', caseId, 'review', { decision: 'pass', comment: '符合许可条件' });
    await s.done('chief', caseId, 'check', { decision: 'pass', comment: '同意' });
    await s.done('leader', caseId, 'decide', { decision: 'grant', comment: '准予许可', data: { licenceNo: 'JY13301060000009' } });
    await s.done('clerk2', caseId, 'issue', { decision: 'issued', comment: '许可证已送达' });
  }

  const notificationsOf = async (user: string, kind: string): Promise<string[]> => {
    const response = await api.call(user, 'GET', '/api/notifications');
    return response.body.items.filter((item: { kind: string }) => item.kind === kind).map((item: { message: string }) => item.message);
  };

  it('takes a rating per stage once it is reached, from the applicant only, and refuses a bad one without writing anything', async () => {
    clock.set('2026-02-02T09:30');
    const started = await apply('好差评：阶段与权限');
    // nothing to rate before the window decided
    const early = await rate(started.id, { stage: 'acceptance', score: 5 });
    expect(early.status).toBe(409);
    expect(early.type).toContain('application/problem+json');
    expect(early.body.detail).toContain('not accepted or refused yet');
    expect((await s.view(started.id, 'applicant')).rateable).toEqual([]);
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '予以受理' });
    expect((await rate(started.id, { stage: 'completion', score: 5 })).status).toBe(409);
    expect((await s.view(started.id, 'applicant')).rateable).toEqual(['acceptance']);
    expect((await s.view(started.id, 'clerk')).rateable).toBeUndefined();

    // bad input says where, and stores nothing
    const outOfRange = await rate(started.id, { stage: 'acceptance', score: 6 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors).toEqual([expect.objectContaining({ path: '/score' })]);
    expect((await rate(started.id, { stage: 'window', score: 4 })).body.errors).toEqual([expect.objectContaining({ path: '/stage' })]);
    expect((await rate(started.id, { stage: 'acceptance', score: 4, extra: true })).status).toBe(400);
    // a poor rating says what was wrong, so the department knows what to put right
    const unexplained = await rate(started.id, { stage: 'acceptance', score: 2 });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.errors).toEqual([expect.objectContaining({ path: '/comment' })]);
    // staff cannot rate; another applicant does not even see the case
    expect((await rate(started.id, { stage: 'acceptance', score: 1 }, 'clerk')).status).toBe(403);
    expect((await rate(started.id, { stage: 'acceptance', score: 1 }, 'other-applicant')).status).toBe(404);
    expect((await s.view(started.id)).ratings).toEqual([]);

    const rated = await rate(started.id, { stage: 'acceptance', score: 5, comment: '窗口服务热情' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ stage: 'acceptance', score: 5, comment: '窗口服务热情', stepId: 'accept', stepName: '受理', department: 'market-bureau', followUp: null });
    const twice = await rate(started.id, { stage: 'acceptance', score: 1, comment: '改主意了' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('rated once');
    expect((await s.view(started.id, 'applicant')).ratings).toEqual([expect.objectContaining({ stage: 'acceptance', score: 5, stepName: '受理', followUp: null })]);
    expect((await s.view(started.id, 'applicant')).rateable).toEqual([]);
    expect(await s.actions(started.id)).toContain('case.rated');
    // a good rating asks nobody for anything
    expect((await api.call('supervisor', 'GET', '/api/supervision/notices')).body.items.filter((notice: { caseId: string }) => notice.caseId === started.id)).toEqual([]);
  });

  it('opens a follow-up for a poor rating, tells the applicant the answer, and raises a red card when it comes late', async () => {
    const started = await apply('好差评：差评整改');
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '予以受理' });
    expect((await rate(started.id, { stage: 'acceptance', score: 4 })).status).toBe(201);
    await granted(started.id);

    const poor = await rate(started.id, { stage: 'completion', score: 2, comment: '审批等待时间过长，电话无人接听' });
    expect(poor.status).toBe(201);
    expect(poor.body).toMatchObject({ stage: 'completion', score: 2, stepName: '制证送达', department: 'market-bureau', followUp: expect.any(String) });

    // the follow-up is a notice to the department rated, with the 15WD limit, on the office's list
    const listed = (await api.call('supervisor', 'GET', '/api/supervision/notices?awaitingReply=true')).body.items;
    const followUp = listed.find((notice: { id: string }) => notice.id === poor.body.followUp);
    expect(followUp).toMatchObject({ caseId: started.id, department: 'market-bureau', ratingId: poor.body.id, status: 'awaiting-reply', replyClock: expect.objectContaining({ limit: '15WD', dueDate: '2026-03-23' }) });
    expect(followUp.message).toBe('差评整改（办结·不满意）：审批等待时间过长，电话无人接听');
    expect(await notificationsOf('clerk', 'rating.follow-up')).toEqual([expect.stringContaining('请于 2026-03-23 前完成整改并答复')]);
    expect(await notificationsOf('supervisor', 'rating.follow-up')).toHaveLength(1);
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const job = jobs.map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === started.id && data.clockKey === `notice.${followUp.id}`);
    expect(job).toMatchObject({ level: 'red' });

    // past the limit the job raises the red card; the answer after it is late
    clock.advance(30 * DAY);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job!)).toMatchObject({ raised: true });
    const cards = (await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=notice')).body.items.filter((card: { caseId: string }) => card.caseId === started.id);
    expect(cards).toEqual([expect.objectContaining({ level: 'red', kind: 'notice', rule: 'rating-follow-up', stepName: '差评整改', department: 'market-bureau', status: 'open' })]);
    expect((await api.call('clerk', 'POST', `/api/supervision/notices/${followUp.id}/reply`, { explanation: '已安排专人接听咨询电话，并压缩审查时限' })).status).toBe(200);

    // 回访: the applicant reads what was done, without who did it
    expect(await notificationsOf('applicant', 'rating.replied')).toEqual([expect.stringContaining('已安排专人接听咨询电话')]);
    const mine = await s.view(started.id, 'applicant');
    expect(mine.ratings.map((rating: { stage: string; score: number }) => [rating.stage, rating.score])).toEqual([['acceptance', 4], ['completion', 2]]);
    expect(mine.ratings[1].followUp).toEqual({ dueDate: '2026-03-23', reply: { at: expect.any(String), explanation: '已安排专人接听咨询电话，并压缩审查时限' } });
    const answered = (await api.call('supervisor', 'GET', '/api/supervision/notices')).body.items.find((notice: { id: string }) => notice.id === followUp.id);
    expect(answered.status).toBe('replied-late');

    // the figures: two ratings, one satisfied; one follow-up, answered late
    const period = `from=${encodeURIComponent('2026-03-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-05-01T00:00:00+08:00')}`;
    for (const groupBy of ['department', 'process']) {
      const rows = (await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=${groupBy}&${period}`)).body.items;
      const row = rows.find((candidate: { group: string }) => candidate.group === (groupBy === 'department' ? 'market-bureau' : 'licensing-general'));
      expect(row).toMatchObject({ ratings: 2, satisfied: 1, satisfactionRate: 0.5, followUps: 1, followUpsRepliedOnTime: 0, followUpOnTimeRate: 0, notices: 0 });
    }
  });

  it('counts a follow-up answered in time, and has the follow-up limit configurable', async () => {
    clock.set('2026-06-01T09:30');
    const started = await apply('好差评：及时整改');
    await s.done('clerk2', started.id, 'accept', { decision: 'refuse', comment: '不属于本机关职权范围' });
    const poor = await rate(started.id, { stage: 'acceptance', score: 1, comment: '窗口未说明不予受理的理由' });
    expect(poor.body).toMatchObject({ stepName: '受理', followUp: expect.any(String) });
    clock.advance(2 * DAY);
    expect((await api.call('leader', 'POST', `/api/supervision/notices/${poor.body.followUp}/reply`, { explanation: '已向申请人说明管辖规定并告知受理机关' })).status).toBe(200);
    const cards = (await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=notice')).body.items.filter((card: { caseId: string }) => card.caseId === started.id);
    expect(cards).toEqual([]);
    const day = `from=${encodeURIComponent('2026-06-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-06-02T00:00:00+08:00')}`;
    const row = (await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=department&${day}`)).body.items.find((candidate: { group: string }) => candidate.group === 'market-bureau');
    expect(row).toMatchObject({ ratings: 1, satisfied: 0, satisfactionRate: 0, followUps: 1, followUpsRepliedOnTime: 1, followUpOnTimeRate: 1 });

    const base = { mongodbUri: 'mongodb://127.0.0.1/none', redisUrl: 'redis://127.0.0.1' };
    expect(resolveOptions(base).ratingFollowUpLimit).toBe('15WD');
    expect(resolveOptions({ ...base, ratingFollowUpLimit: '10wd' }).ratingFollowUpLimit).toBe('10WD');
    expect(() => resolveOptions({ ...base, ratingFollowUpLimit: '0WD' })).toThrow(/not a time limit/);
  });
});
