import { startTestApi, type TestApi } from '../support/test-govflow';

const schedule2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  published: '2026-11-10',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  workdays: [{ date: '2027-02-13', name: '春节' }],
};

describe('holiday schedules as data an administrator maintains', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lists the shipped 2025 and 2026 schedules with their sources', async () => {
    const listed = await api.call('clerk', 'GET', '/api/calendars');
    expect(listed.body.items).toEqual([
      { year: 2025, source: '国务院办公厅关于2025年部分节假日安排的通知', published: '2024-11-12', origin: 'shipped' },
      { year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知', published: '2025-11-04', origin: 'shipped' },
    ]);
    const year2026 = await api.call('supervisor', 'GET', '/api/calendars/2026');
    expect(year2026.body.workdays.map((day: { date: string }) => day.date)).toContain('2026-02-14');
    expect((await api.call('supervisor', 'GET', '/api/calendars/2031')).status).toBe(404);
    expect((await api.call('supervisor', 'GET', '/api/calendars/20x6')).status).toBe(400);
  });

  it('takes a new year from an administrator without a release, in effect at once and logged', async () => {
    expect(api.govflow.calendars.current.isWorkingDay('2027-02-08')).toBe(true); // a Monday, by weekdays alone
    const stored = await api.call('admin', 'PUT', '/api/calendars/2027', schedule2027);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ year: 2027, origin: 'admin', updatedBy: 'admin' });
    expect(api.govflow.calendars.current.isWorkingDay('2027-02-08')).toBe(false); // 春节
    expect(api.govflow.calendars.current.isWorkingDay('2027-02-13')).toBe(true); // a Saturday worked
    expect((await api.call('clerk', 'GET', '/api/calendars')).body.items.map((item: { year: number }) => item.year)).toEqual([2025, 2026, 2027]);
    const log = await api.govflow.store.models.adminLog.find({ target: '2027' }).lean();
    expect(log).toEqual([expect.objectContaining({ actor: 'admin', action: 'calendar.added' })]);
  });

  it('refuses an invalid schedule with a pointer to each problem, changing nothing', async () => {
    const before = api.govflow.calendars.list();
    const broken = { ...schedule2027, holidays: [{ name: '春节', from: '2027-02-12', to: '2027-02-05' }], workdays: [{ date: '2027-02-10', name: '春节' }] };
    const refused = await api.call('admin', 'PUT', '/api/calendars/2027', broken);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/holidays\/0/), expect.stringMatching(/^\/workdays\/0/)]));
    const mismatch = await api.call('admin', 'PUT', '/api/calendars/2028', schedule2027);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.detail).toBe('the schedule is for 2027, not 2028');
    expect(api.govflow.calendars.list()).toEqual(before);
  });

  it('lets only administrators change schedules', async () => {
    for (const user of ['clerk', 'supervisor', 'designer']) {
      expect((await api.call(user, 'PUT', '/api/calendars/2027', schedule2027)).status).toBe(403);
    }
    expect((await api.call('applicant', 'GET', '/api/calendars')).status).toBe(403);
  });
});
