import type { DeadlineJob } from '../../engine/deadlines';
import { startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

describe('the supervision board: alerts through the API', () => {
  let now = new Date();
  let api: TestApi;
  let yellowCase: string;
  let redCase: string;

  beforeAll(async () => {
    api = await startTestApi({ now: () => now });
    await api.call('designer', 'POST', '/api/definitions', timedApproval());
    yellowCase = await caseWithCard('yellow');
    redCase = await caseWithCard('red');
  });
  afterAll(() => api.close());

  /** A case whose acceptance step got the card of `level` from its fired deadline job. */
  async function caseWithCard(level: 'yellow' | 'red'): Promise<string> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'timed-approval', title: `${level} card`, data: {} });
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const job = jobs.map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === started.body.id && data.level === level)!;
    now = new Date(job.at + 1000);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });
    return started.body.id;
  }

  it('shows the office every card, filtered and paged', async () => {
    const all = await api.call('supervisor', 'GET', '/api/supervision/alerts');
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((alert: { level: string; caseId: string }) => `${alert.level}:${alert.caseId}`).sort()).toEqual([`red:${redCase}`, `yellow:${yellowCase}`].sort());
    const red = await api.call('supervisor', 'GET', '/api/supervision/alerts?level=red&status=open&process=timed-approval&department=market-bureau');
    expect(red.body.items).toEqual([expect.objectContaining({ caseId: redCase, level: 'red', kind: 'step', stepName: '受理', status: 'open', receiptNo: expect.stringMatching(/^GF/) })]);
    const paged = await api.call('supervisor', 'GET', '/api/supervision/alerts?pageSize=1&page=2');
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [expect.any(Object)] });
    expect((await api.call('supervisor', 'GET', '/api/supervision/alerts?level=purple')).status).toBe(400);
  });

  it('shows a department only its own cards, and others nothing', async () => {
    expect((await api.call('clerk', 'GET', '/api/supervision/alerts')).body.total).toBe(2);
    expect((await api.call('outsider', 'GET', '/api/supervision/alerts')).body.total).toBe(0);
    const id = (await api.call('supervisor', 'GET', '/api/supervision/alerts?level=red')).body.items[0].id;
    expect((await api.call('outsider', 'GET', `/api/supervision/alerts/${id}`)).status).toBe(404);
    expect((await api.call('applicant', 'GET', '/api/supervision/alerts')).status).toBe(403);
    expect((await api.call('designer', 'GET', '/api/supervision/alerts')).status).toBe(403);
  });

  it('lets only the office close a card, once, with a note, and audits it', async () => {
    const id = (await api.call('supervisor', 'GET', '/api/supervision/alerts?level=red')).body.items[0].id;
    expect((await api.call('clerk', 'POST', `/api/supervision/alerts/${id}/close`, { note: '已督促' })).status).toBe(403);
    expect((await api.call('supervisor', 'POST', `/api/supervision/alerts/${id}/close`, { note: '' })).status).toBe(400);
    const closed = await api.call('supervisor', 'POST', `/api/supervision/alerts/${id}/close`, { note: '已约谈承办人，情况属实' });
    expect(closed.body).toMatchObject({ id, status: 'closed', closedBy: 'supervisor', closeNote: '已约谈承办人，情况属实' });
    expect((await api.call('supervisor', 'POST', `/api/supervision/alerts/${id}/close`, { note: '再次关闭' })).status).toBe(409);
    const history = (await api.call('supervisor', 'GET', `/api/cases/${redCase}`)).body.history;
    expect(history.map((item: { action: string }) => item.action)).toEqual(['case.started', 'alert.red', 'alert.closed']);
    expect((await api.call('supervisor', 'GET', '/api/supervision/alerts?status=open')).body.total).toBe(1);
  });

  it('raises a compliance point for a refusal without reasons, and none when reasons are given', async () => {
    const refuse = async (comment?: string) => {
      const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '不予受理', data: {} });
      const task = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
      expect((await api.call('clerk', 'POST', `/api/tasks/${task}/complete`, { decision: 'refuse', ...(comment ? { comment } : {}) })).status).toBe(200);
      return started.body.id as string;
    };
    const silent = await refuse();
    const reasoned = await refuse('申请事项不属于本机关职权范围，告知向有关机关申请');
    const points = (await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=compliance')).body.items;
    expect(points).toEqual([expect.objectContaining({ caseId: silent, level: 'red', rule: 'decision-without-reasons', stepName: '受理', handler: 'clerk', status: 'open' })]);
    expect(points.some((point: { caseId: string }) => point.caseId === reasoned)).toBe(false);
    expect((await api.call('clerk', 'GET', '/api/notifications')).body.items).toContainEqual(expect.objectContaining({ kind: 'alert.red', caseId: silent }));
  });
});
