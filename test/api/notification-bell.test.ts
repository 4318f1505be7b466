import { startTestApi, type TestApi } from '../support/test-govflow';

/**
 * The bell of a member of staff: how many notifications came since they last looked — a
 * transfer, an urge, a copy — counted per person, cleared by looking, and never anyone else's.
 */
describe('the notification bell', () => {
  let api: TestApi;
  let now = new Date('2026-09-14T10:00:00+08:00');

  beforeAll(async () => {
    api = await startTestApi({ now: () => now });
  });
  afterAll(() => api.close());

  const bell = async (user: string) => (await api.call(user, 'GET', '/api/notifications?limit=5')).body as { items: Array<{ kind: string; message: string; by?: string }>; total: number; unseen: number; names: { people: Record<string, string> } };

  it('counts what came since I looked, and only mine', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '食品经营许可', data: {} });
    const task = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
    expect((await bell('clerk2')).unseen).toBe(0);

    expect((await api.call('clerk', 'POST', `/api/tasks/${task}/claim`)).status).toBe(200);
    expect((await api.call('clerk', 'POST', `/api/tasks/${task}/transfer`, { to: 'clerk2', reason: '请协助' })).status).toBe(200);
    const transferred = await bell('clerk2');
    expect(transferred).toMatchObject({ unseen: 1, total: 1, items: [expect.objectContaining({ kind: 'task.transferred', by: 'clerk' })] });
    // who acted is a field the answer names, never an account id in the words
    expect(transferred.items[0].message).not.toContain('clerk');
    expect(transferred.names.people).toMatchObject({ clerk: '张伟' });

    now = new Date('2026-09-14T11:00:00+08:00');
    const seen = await api.call('clerk2', 'POST', '/api/notifications/seen');
    expect(seen.status).toBe(200);
    expect(new Date(seen.body.seenAt).getTime()).toBe(now.getTime());
    expect(await bell('clerk2')).toMatchObject({ unseen: 0, total: 1 });

    now = new Date('2026-09-14T12:30:00+08:00');
    expect((await api.call('leader', 'POST', `/api/tasks/${task}/urge`, { message: '请今日办结' })).status).toBe(200);
    expect(await bell('clerk2')).toMatchObject({ unseen: 1, total: 2, items: [expect.objectContaining({ kind: 'task.urged' }), expect.objectContaining({ kind: 'task.transferred' })] });
    // the clerk who handed it over was told nothing, and looking does not clear anyone else's bell
    expect((await bell('clerk')).unseen).toBe(0);
    expect((await api.call('clerk', 'POST', '/api/notifications/seen')).status).toBe(200);
    expect((await bell('clerk2')).unseen).toBe(1);
  });

  it('names who acted and where in every notification of an act: 抄送 to a group, a notice and its reply', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '名称核准', data: {} });
    expect((await api.call('clerk', 'POST', `/api/cases/${started.body.id}/copy`, { users: ['clerk2'], groups: ['leader@market-bureau'] })).status).toBe(200);
    const notice = await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId: started.body.id, department: 'market-bureau', message: '请说明进度' });
    expect(notice.status).toBe(201);
    expect((await api.call('leader', 'POST', `/api/supervision/notices/${notice.body.id}/reply`, { explanation: '已在审查' })).status).toBe(200);
    const stored = await api.govflow.store.models.notifications.find({ caseId: started.body.id }).lean();
    const byKind = (kind: string) => stored.filter((item) => item.kind === kind).map((item) => ({ by: item.by, unit: item.unit }));
    expect(byKind('case.copied')).toEqual(expect.arrayContaining([{ by: 'clerk', unit: undefined }, { by: 'clerk', unit: 'market-bureau' }]));
    expect(byKind('notice.sent')).toEqual([{ by: 'supervisor', unit: 'market-bureau' }]);
    expect(byKind('notice.replied')).toEqual([{ by: 'leader', unit: 'market-bureau' }]);
    for (const item of stored) expect(item.message).not.toMatch(/\b(clerk|supervisor|leader|market-bureau)\b/);
    expect((await bell('supervisor')).names.people).toMatchObject({ leader: '郑国强' });
  });

  it('keeps the later mark when two tabs mark at once out of order', async () => {
    now = new Date('2026-09-14T15:00:00+08:00');
    await api.call('clerk2', 'POST', '/api/notifications/seen');
    now = new Date('2026-09-14T14:00:00+08:00');
    await api.call('clerk2', 'POST', '/api/notifications/seen');
    const read = await api.govflow.store.models.notificationReads.findById('clerk2').lean();
    expect(read?.seenAt.toISOString()).toBe(new Date('2026-09-14T15:00:00+08:00').toISOString());
  });
});
