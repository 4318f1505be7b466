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
});
