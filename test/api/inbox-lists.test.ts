import { startTestApi, type TestApi } from '../support/test-govflow';

/**
 * The inbox's lists as a clerk pages through them: the open ones say their total and page by
 * offset, most urgent first; the done list (已办) pages back through the months by cursor, and
 * nothing is cut off silently.
 */
describe('inbox lists', () => {
  let api: TestApi;
  let now = new Date('2026-09-15T10:00:00+08:00');

  beforeAll(async () => {
    api = await startTestApi({ now: () => now });
  });
  afterAll(() => api.close());

  async function submitted(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) ids.push((await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: `列表 ${n}`, data: {} })).body.id);
    return ids;
  }

  async function taskOf(caseId: string): Promise<string> {
    return (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId;
  }

  it('pages the claimable and held lists by offset and says how many there are', async () => {
    const cases = await submitted(5);
    const first = await api.call('clerk2', 'GET', '/api/tasks?scope=claimable&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(5);
    expect(first.body.items).toHaveLength(2);
    const last = await api.call('clerk2', 'GET', '/api/tasks?scope=claimable&limit=2&offset=4');
    expect(last.body.items).toHaveLength(1);
    const all = [...first.body.items, ...(await api.call('clerk2', 'GET', '/api/tasks?scope=claimable&limit=2&offset=2')).body.items, ...last.body.items];
    expect(all.map((task: { caseId: string }) => task.caseId).sort()).toEqual([...cases].sort());

    await api.call('clerk2', 'POST', `/api/tasks/${await taskOf(cases[0])}/claim`);
    expect((await api.call('clerk2', 'GET', '/api/tasks?scope=mine')).body).toMatchObject({ total: 1, items: [expect.objectContaining({ caseId: cases[0], assignee: 'clerk2' })] });
    expect((await api.call('clerk2', 'GET', '/api/tasks?scope=claimable')).body.total).toBe(4);
    // the other window clerk shares the group, not the held task
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=claimable')).body.total).toBe(4);
  });

  it('lists the tasks I completed newest first, back through the months by cursor', async () => {
    const done: string[] = [];
    for (const at of ['2026-10-10T09:00:00+08:00', '2026-10-20T09:00:00+08:00', '2026-11-05T09:00:00+08:00', '2026-12-01T09:00:00+08:00']) {
      now = new Date(at);
      const [caseId] = await submitted(1);
      await api.call('clerk', 'POST', `/api/tasks/${await taskOf(caseId)}/complete`, { decision: 'accept' });
      done.unshift(caseId);
    }
    now = new Date('2027-02-01T09:00:00+08:00');
    const pages: string[][] = [];
    let cursor: string | null | undefined;
    do {
      const page = await api.call('clerk', 'GET', `/api/tasks?scope=done&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      pages.push(page.body.items.map((task: { caseId: string; status: string; completedBy: string }) => `${task.caseId} ${task.status} ${task.completedBy}`));
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 20);
    expect(pages.flat()).toEqual(done.map((caseId) => `${caseId} completed clerk`));
    expect(pages[0]).toHaveLength(3);
    // another clerk's done list holds none of them
    expect((await api.call('clerk2', 'GET', '/api/tasks?scope=done')).body.items).toEqual([]);
  });

  it('refuses a cursor it never gave out, and a cursor on an open list', async () => {
    const bad = await api.call('clerk', 'GET', '/api/tasks?scope=done&cursor=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    const mixed = await api.call('clerk', 'GET', '/api/tasks?scope=mine&cursor=2026-12.0');
    expect(mixed.status).toBe(400);
  });

  it("pages an applicant's cases newest first and says how many", async () => {
    const mine = await api.call('applicant', 'GET', '/api/cases?scope=mine&limit=2');
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.total).toBe(9);
    const created = (await api.call('applicant', 'GET', '/api/cases?scope=mine&limit=100')).body.items.map((item: { createdAt: string }) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect((await api.call('other-applicant', 'GET', '/api/cases?scope=mine')).body).toEqual({ items: [], total: 0, names: { people: {}, units: {} } });
  });
});
