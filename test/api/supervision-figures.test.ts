import { startTestApi, type TestApi } from '../support/test-govflow';

describe('supervision figures through the API', () => {
  let api: TestApi;
  const period = 'from=2020-01-01T00:00:00%2B08:00&to=2100-01-01T00:00:00%2B08:00';

  beforeAll(async () => {
    api = await startTestApi();
    for (const decision of ['accept', 'refuse']) {
      const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: decision, data: {} });
      if (decision === 'refuse') {
        const task = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
        await api.call('clerk', 'POST', `/api/tasks/${task}/complete`, { decision, comment: '不属于受理范围' });
      }
    }
  });
  afterAll(() => api.close());

  it('answers a row per process as JSON', async () => {
    const figures = await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=process&${period}`);
    expect(figures.status).toBe(200);
    expect(figures.body.items).toEqual([expect.objectContaining({ group: 'general-approval', received: 2, completed: 1, onTime: 1, onTimeRate: 1 })]);
  });

  it('counts supervision notices sent to a department and the ones answered in time', async () => {
    const caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '督办统计', data: {} })).body.id;
    const answered = await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId, department: 'market-bureau', message: '请说明' });
    await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId, department: 'market-bureau', message: '再请说明' });
    await api.call('clerk', 'POST', `/api/supervision/notices/${answered.body.id}/reply`, { explanation: '已说明' });
    const figures = await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=department&${period}`);
    expect(figures.body.items).toEqual([expect.objectContaining({ group: 'market-bureau', received: 3, notices: 2, noticesRepliedOnTime: 1 })]);
  });

  it('answers the same as CSV for spreadsheets', async () => {
    const csv = await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=department&${period}&format=csv&lang=en`);
    expect(csv.type).toContain('text/csv');
    const [header, ...lines] = String(csv.body).trim().split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['group', 'received', 'completed', 'onTimeRate', 'openRed', 'notices', 'noticesRepliedOnTime']));
    expect(lines).toEqual([expect.stringMatching(/^market-bureau,market-bureau,,3,1,/)]);
    // by default the headings are Chinese, for the report's readers, and rates are percentages
    const chinese = String((await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=department&${period}&format=csv`)).body).split('\r\n')[0].split(',');
    expect(chinese.slice(0, 8)).toEqual(['编码', '名称', '上级单位', '收件数', '办结数', '按时办结数', '按时办结率', '超期数']);
    expect(lines[0].split(',')[6]).toMatch(/^(\d+\.\d%)?$/);
  });

  it('is for the supervision office, and refuses an invalid period', async () => {
    expect((await api.call('clerk', 'GET', `/api/supervision/figures?${period}`)).status).toBe(403);
    expect((await api.call('supervisor', 'GET', '/api/supervision/figures?from=2026-02-01T00:00:00%2B08:00&to=2026-01-01T00:00:00%2B08:00')).status).toBe(400);
    expect((await api.call('supervisor', 'GET', '/api/supervision/figures?groupBy=weather&from=x&to=y')).status).toBe(400);
  });

  it('lists the cases behind each figure (穿透查询), as many as the figure counts', async () => {
    for (const groupBy of ['department', 'process', 'unit']) {
      const rows = (await api.call('supervisor', 'GET', `/api/supervision/figures?groupBy=${groupBy}&${period}`)).body.items as Array<Record<string, number | string>>;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const figure of ['received', 'completed', 'onTime', 'overdue', 'openYellow', 'openRed']) {
          const listed = await api.call('supervisor', 'GET', `/api/supervision/figures/cases?groupBy=${groupBy}&group=${encodeURIComponent(String(row.group))}&figure=${figure}&${period}`);
          expect([groupBy, row.group, figure, listed.status, listed.body.total]).toEqual([groupBy, row.group, figure, 200, row[figure]]);
        }
      }
    }
    const completed = await api.call('supervisor', 'GET', `/api/supervision/figures/cases?group=market-bureau&figure=completed&${period}`);
    expect(completed.body.items).toEqual([expect.objectContaining({ title: 'refuse', status: 'completed', receiptNo: expect.stringMatching(/^GF/), endedAt: expect.any(String) })]);
    // newest first, a page at a time
    const received = await api.call('supervisor', 'GET', `/api/supervision/figures/cases?group=market-bureau&figure=received&limit=2&${period}`);
    expect(received.body).toMatchObject({ total: 3, items: [expect.objectContaining({ title: '督办统计' }), expect.objectContaining({ title: 'refuse' })] });
    expect((await api.call('supervisor', 'GET', `/api/supervision/figures/cases?group=market-bureau&figure=ratings&${period}`)).status).toBe(400);
    expect((await api.call('clerk', 'GET', `/api/supervision/figures/cases?group=market-bureau&figure=received&${period}`)).status).toBe(403);
  });
});
