import { startTestApi, type TestApi } from '../support/test-govflow';

describe('supervision notices (督办) and their replies through the API', () => {
  let now = new Date();
  let api: TestApi;
  let caseId: string;

  beforeAll(async () => {
    api = await startTestApi({ now: () => now });
    caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '被督办的案件', data: {} })).body.id;
  });
  afterAll(() => api.close());
  beforeEach(() => {
    now = new Date();
  });

  const send = (message: string, replyLimit?: string) =>
    api.call('supervisor', 'POST', '/api/supervision/notices', { caseId, department: 'market-bureau', message, ...(replyLimit ? { replyLimit } : {}) });

  it('goes to the department, which answers it once; the office is told', async () => {
    const sent = await send('请说明受理迟延原因');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ department: 'market-bureau', sentBy: 'supervisor', reply: null, clock: expect.objectContaining({ limit: '5WD' }) });
    const noticeId = sent.body.id;

    const theirs = await api.call('clerk', 'GET', '/api/supervision/notices?awaitingReply=true');
    expect(theirs.body.items).toEqual([expect.objectContaining({ id: noticeId, status: 'awaiting-reply', replyClock: expect.objectContaining({ state: 'running' }) })]);
    expect((await api.call('outsider', 'GET', '/api/supervision/notices')).body.items).toEqual([]);
    expect((await api.call('clerk', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'notice.sent', caseId }));

    expect((await api.call('outsider', 'POST', `/api/supervision/notices/${noticeId}/reply`, { explanation: '与我无关' })).status).toBe(404);
    const replied = await api.call('clerk', 'POST', `/api/supervision/notices/${noticeId}/reply`, { explanation: '窗口人员休假，已调整排班' });
    expect(replied.body.reply).toMatchObject({ by: 'clerk', explanation: '窗口人员休假，已调整排班' });
    expect((await api.call('leader', 'POST', `/api/supervision/notices/${noticeId}/reply`, { explanation: '补充说明' })).status).toBe(409);
    const listed = (await api.call('supervisor', 'GET', '/api/supervision/notices')).body.items.find((item: { id: string }) => item.id === noticeId);
    expect(listed.status).toBe('replied');
    expect((await api.call('supervisor', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'notice.replied' }));
    const actions = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['notice.sent', 'notice.replied']));
  });

  it('raises a red card of its own when the reply is late, through its deadline job and on the late reply', async () => {
    const sent = await send('请限期说明', '2WD');
    const noticeId = sent.body.id;
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const job = jobs.map((queued) => queued.data).find((data) => data.clockKey === `notice.${noticeId}`);
    expect(job).toMatchObject({ level: 'red', at: new Date(sent.body.clock.due).getTime() });
    now = new Date(job.at + 60_000);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });
    const card = (await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=notice')).body.items[0];
    expect(card).toMatchObject({ level: 'red', kind: 'notice', department: 'market-bureau', status: 'open', workDone: false });

    const late = await api.call('clerk', 'POST', `/api/supervision/notices/${noticeId}/reply`, { explanation: '迟复的说明' });
    expect(late.status).toBe(200);
    expect((await api.call('supervisor', 'GET', `/api/supervision/alerts/${card.id}`)).body).toMatchObject({ status: 'open', workDone: true });
    const listed = (await api.call('clerk', 'GET', '/api/supervision/notices')).body.items.find((item: { id: string }) => item.id === noticeId);
    expect(listed.status).toBe('replied-late');
    expect((await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).some((queued) => queued.data.clockKey === `notice.${noticeId}`)).toBe(false);
  });

  it('is sent by the office only, about a case that exists', async () => {
    expect((await api.call('clerk', 'POST', '/api/supervision/notices', { caseId, department: 'market-bureau', message: '越权督办' })).status).toBe(403);
    expect((await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId: 'no-such-case', department: 'market-bureau', message: '督办' })).status).toBe(404);
    expect((await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId, department: 'market bureau!', message: '督办' })).status).toBe(400);
  });

  it('names the case by its receipt number (受理编号) as well, and by exactly one of the two', async () => {
    const { receiptNo } = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body;
    const sent = await api.call('supervisor', 'POST', '/api/supervision/notices', { receiptNo, department: 'market-bureau', message: '请说明受理情况' });
    expect(sent.status).toBe(201);
    const listed = (await api.call('supervisor', 'GET', '/api/supervision/notices?limit=100')).body.items.find((notice: { message: string }) => notice.message === '请说明受理情况');
    expect(listed).toMatchObject({ caseId, department: 'market-bureau' });
    const unknown = await api.call('supervisor', 'POST', '/api/supervision/notices', { receiptNo: 'GF20990101-99999', department: 'market-bureau', message: '督办' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('receipt number "GF20990101-99999" was not found');
    for (const body of [{ caseId, receiptNo }, {}]) {
      const refused = await api.call('supervisor', 'POST', '/api/supervision/notices', { ...body, department: 'market-bureau', message: '督办' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/receiptNo' })]);
    }
  });

  it('lives on after the reply: turned back and asked again, then accepted, each step on the record', async () => {
    const sent = await send('请说明审查超期原因', '3WD');
    const id = sent.body.id;
    const path = (step: string) => `/api/supervision/notices/${id}/${step}`;
    // nothing to accept or turn back before a reply; and a clerk never reviews
    expect((await api.call('supervisor', 'POST', path('accept'), {})).status).toBe(409);
    expect((await api.call('supervisor', 'POST', path('reject'), { reason: '请重说' })).status).toBe(409);
    expect((await api.call('clerk', 'POST', path('accept'), {})).status).toBe(403);

    await api.call('clerk', 'POST', path('reply'), { explanation: '人手不足' });
    expect((await api.call('supervisor', 'GET', '/api/supervision/notices?awaitingReview=true&limit=100')).body.items.map((item: { id: string }) => item.id)).toContain(id);
    // a reply in hand is accepted or turned back, never pressed again as if unanswered
    expect((await api.call('supervisor', 'POST', path('reissue'), { reason: '请答复' })).status).toBe(409);
    expect((await api.call('supervisor', 'POST', path('reject'), { reason: 'x' })).status).toBe(400);
    expect((await api.call('supervisor', 'POST', path('reject'), { reason: '说明不具体，请列明补救措施', replyLimit: 'soon' })).status).toBe(400);
    const rejected = await api.call('supervisor', 'POST', path('reject'), { reason: '说明不具体，请列明补救措施', replyLimit: '2WD' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ round: 2, reply: null, message: '说明不具体，请列明补救措施', clock: expect.objectContaining({ limit: '2WD' }) });
    expect(rejected.body.earlier).toEqual([expect.objectContaining({ message: '请说明审查超期原因', reply: expect.objectContaining({ explanation: '人手不足' }), ended: expect.objectContaining({ how: 'rejected', by: 'supervisor' }) })]);
    // the new round has its own reply deadline; the department hears why
    const jobs = (await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).map((queued) => queued.data);
    expect(jobs).toContainEqual(expect.objectContaining({ clockKey: `notice.${id}.r2`, at: new Date(rejected.body.clock.due).getTime() }));
    expect((await api.call('clerk', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'notice.rejected', by: 'supervisor', unit: 'market-bureau' }));

    await api.call('leader', 'POST', path('reply'), { explanation: '已增派两名审查人员，本周内办结' });
    const accepted = await api.call('supervisor', 'POST', path('accept'), { comment: '措施可行' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.closed).toMatchObject({ how: 'accepted', by: 'supervisor', comment: '措施可行' });
    const listed = (await api.call('clerk', 'GET', '/api/supervision/notices?limit=100')).body.items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({ status: 'accepted', round: 2 });
    expect((await api.call('supervisor', 'GET', '/api/supervision/notices?awaitingReview=true&limit=100')).body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    // ended: no more replies, reviews or endings
    expect((await api.call('clerk', 'POST', path('reply'), { explanation: '再补充' })).status).toBe(409);
    expect((await api.call('supervisor', 'POST', path('close'), { comment: '结束' })).status).toBe(409);
    const actions = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.history.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['notice.rejected', 'notice.accepted']));
  });

  it('is sent again when unanswered, with a card of its own for each late round, and ended by the office', async () => {
    const sent = await send('请说明', '1WD');
    const id = sent.body.id;
    const fire = async (clockKey: string) => {
      const job = (await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).map((queued) => queued.data).find((data) => data.clockKey === clockKey);
      expect(job).toBeDefined();
      now = new Date(job.at + 60_000);
      return api.govflow.supervision.raiseDeadlineAlert(job);
    };
    expect(await fire(`notice.${id}`)).toMatchObject({ raised: true });
    const reissued = await api.call('supervisor', 'POST', `/api/supervision/notices/${id}/reissue`, { reason: '逾期未复，再次督办', replyLimit: '1WD' });
    expect(reissued.status).toBe(200);
    expect(reissued.body.earlier).toEqual([expect.objectContaining({ reply: null, ended: expect.objectContaining({ how: 'reissued' }) })]);
    expect(await fire(`notice.${id}.r2`)).toMatchObject({ raised: true });
    const cards = (await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=notice&pageSize=200')).body.items.filter((card: { caseId: string; clockKey: string }) => card.clockKey.startsWith(`notice.${id}`));
    expect(cards.map((card: { clockKey: string }) => card.clockKey).sort()).toEqual([`notice.${id}`, `notice.${id}.r2`]);

    expect((await api.call('supervisor', 'POST', `/api/supervision/notices/${id}/close`, { comment: '' })).status).toBe(400);
    const closed = await api.call('supervisor', 'POST', `/api/supervision/notices/${id}/close`, { comment: '案件已撤回，督办结束' });
    expect(closed.body).toMatchObject({ closed: { how: 'closed', comment: '案件已撤回，督办结束' } });
    expect((await api.call('supervisor', 'GET', '/api/supervision/notices?awaitingReply=true&limit=100')).body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    // an ended notice wants no deadline any more
    expect((await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting'])).some((queued) => String(queued.data.clockKey).startsWith(`notice.${id}`))).toBe(false);
  });
});
