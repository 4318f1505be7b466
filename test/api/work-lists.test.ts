import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

type Item = { id: string; caseId: string; receiptNo: string; caseTitle: string; name: string; applicant: string };

/**
 * Every list of the staff's work as a clerk and a leader page and search it: 待办, 待签收,
 * 本部门在办, 已办, 我发起的 and 抄送我的 each say their true total, page through all of it with
 * nothing lost or repeated, and narrow by receipt number, title, applicant, process, step and days.
 */
describe('work lists', () => {
  let api: TestApi;
  let now = new Date('2026-09-14T10:00:00+08:00');
  const claimable = 250;

  beforeAll(async () => {
    api = await startTestApi({ now: () => now });
    // 250 applications on the Monday, by 李明, in a few parallel lanes
    await Promise.all(Array.from({ length: 5 }, (_, lane) => submit('applicant', claimable / 5, (n) => `食品经营许可 ${lane * 1000 + n}`)));
    now = new Date('2026-09-16T10:00:00+08:00');
  }, 180_000);
  afterAll(() => api.close());

  async function submit(user: string, count: number, title: (n: number) => string, processKey = 'general-approval'): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const answer = await api.call(user, 'POST', '/api/cases', { processKey, title: title(n), data: {} });
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    return ids;
  }

  async function pageThrough(user: string, path: string, limit: number): Promise<{ items: Item[]; totals: number[] }> {
    const items: Item[] = [];
    const totals: number[] = [];
    for (let offset = 0; offset < 1000; offset += limit) {
      const page = await api.call(user, 'GET', `${path}&limit=${limit}&offset=${offset}`);
      expect(page.status).toBe(200);
      totals.push(page.body.total);
      items.push(...page.body.items);
      if (page.body.items.length < limit) break;
    }
    return { items, totals };
  }

  it('pages through 250 claimable tasks with none lost or repeated, and the total is the true one', async () => {
    const first = await api.call('clerk2', 'GET', '/api/tasks?scope=claimable');
    expect(first.body.total).toBe(claimable);
    expect(first.body.items).toHaveLength(100);

    const { items, totals } = await pageThrough('clerk2', '/api/tasks?scope=claimable', 40);
    expect(new Set(totals)).toEqual(new Set([claimable]));
    expect(items).toHaveLength(claimable);
    expect(new Set(items.map((task) => task.id)).size).toBe(claimable);
  });

  it("gives a leader every open step of the department (本部门在办), and nobody else", async () => {
    const { items, totals } = await pageThrough('leader', '/api/tasks?scope=department', 100);
    expect(totals[0]).toBe(claimable);
    expect(new Set(items.map((task) => task.id)).size).toBe(claimable);
    expect(items.every((task) => task.name === '受理')).toBe(true);

    const clerk = await api.call('clerk', 'GET', '/api/tasks?scope=department');
    expect(clerk.status).toBe(403);
    expect(clerk.type).toContain('application/problem+json');
    expect(clerk.body.detail).toContain('本部门在办');
    expect((await api.call('outsider', 'GET', '/api/tasks?scope=claimable')).body.total).toBe(0);
  });

  it('narrows a list by receipt number, title, applicant, process, step and day range', async () => {
    const [late] = await submit('other-applicant', 1, () => '户外广告设置许可');
    const receiptNo = (await api.call('other-applicant', 'GET', `/api/cases/${late}`)).body.receiptNo as string;
    const search = async (query: string) => (await api.call('clerk2', 'GET', `/api/tasks?scope=claimable&${query}`)).body as { items: Item[]; total: number };

    expect(await search(`receiptNo=${receiptNo.slice(-9)}`)).toMatchObject({ total: 1, items: [expect.objectContaining({ caseId: late, receiptNo, applicant: 'other-applicant' })] });
    expect((await search(`title=${encodeURIComponent('广告')}`)).total).toBe(1);
    expect((await search(`title=${encodeURIComponent('食品经营许可 1049')}`)).total).toBe(1);
    expect((await search(`applicant=${encodeURIComponent('李')}`)).total).toBe(claimable);
    expect((await search('applicant=other-applicant')).total).toBe(1);
    expect((await search(`applicant=${encodeURIComponent('无此人')}`)).total).toBe(0);
    expect((await search('processKey=general-approval')).total).toBe(claimable + 1);
    expect((await search('processKey=penalty')).total).toBe(0);
    expect((await search(`step=${encodeURIComponent('受理')}`)).total).toBe(claimable + 1);
    expect((await search('step=accept')).total).toBe(claimable + 1);
    expect((await search(`step=${encodeURIComponent('审查')}`)).total).toBe(0);
    expect((await search('from=2026-09-16&to=2026-09-16')).items.map((task) => task.caseId)).toEqual([late]);
    expect((await search('from=2026-09-14&to=2026-09-15')).total).toBe(claimable);
    expect((await search('to=2026-09-13')).total).toBe(0);
    // a search and a page together: the total is the search's
    const page = await search(`applicant=${encodeURIComponent('李明')}&limit=7&offset=245`);
    expect(page).toMatchObject({ total: claimable });
    expect(page.items).toHaveLength(5);
  });

  it('lists what I completed (已办) with its total, searchable, by cursor', async () => {
    const { items } = await pageThrough('clerk', `/api/tasks?scope=claimable&title=${encodeURIComponent('食品经营许可 400')}`, 10);
    expect(items.length).toBeGreaterThanOrEqual(1);
    const targets = items.slice(0, 3);
    for (const task of targets) expect((await api.call('clerk', 'POST', `/api/tasks/${task.id}/complete`, { decision: 'accept' })).status).toBe(200);

    const done = await api.call('clerk', 'GET', '/api/tasks?scope=done&limit=2');
    expect(done.body.total).toBe(targets.length);
    expect(done.body.items).toHaveLength(2);
    const rest = await api.call('clerk', 'GET', `/api/tasks?scope=done&limit=2&cursor=${done.body.nextCursor}`);
    expect([...done.body.items, ...rest.body.items].map((task: Item) => task.id).sort()).toEqual(targets.map((task) => task.id).sort());
    expect(rest.body.total).toBe(targets.length);

    const one = await api.call('clerk', 'GET', `/api/tasks?scope=done&receiptNo=${targets[0].receiptNo}`);
    expect(one.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: targets[0].id, completedBy: 'clerk' })] });
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=done&from=2026-09-17')).body).toMatchObject({ total: 0, items: [] });
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=done&from=2026-09-16&to=2026-09-16')).body.total).toBe(targets.length);
    expect((await api.call('clerk2', 'GET', '/api/tasks?scope=done')).body.total).toBe(0);
  });

  it('lists the cases I opened (我发起的) and the ones copied to me (抄送我的)', async () => {
    // a process the window's staff open themselves, as a brigade files a penalty case
    const filing = bpmn('general-approval.bpmn').replace('id="general-approval" name="一般审批（受理·审查·决定）"', 'id="case-filing" name="立案" govflow:initiators="window@market-bureau"');
    expect((await api.call('designer', 'POST', '/api/definitions', filing)).status).toBe(201);
    const [filed] = await submit('clerk', 1, () => '占道经营立案', 'case-filing');
    const started = await api.call('clerk', 'GET', '/api/tasks?scope=started');
    expect(started.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: filed, title: '占道经营立案' })] });
    expect((await api.call('clerk2', 'GET', '/api/tasks?scope=started')).body.total).toBe(0);
    // a case list is searched by the step it is at now, by name or id
    expect((await api.call('clerk', 'GET', `/api/tasks?scope=started&step=${encodeURIComponent('受理')}`)).body.total).toBe(1);
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=started&step=accept')).body.total).toBe(1);
    expect((await api.call('clerk', 'GET', `/api/tasks?scope=started&step=${encodeURIComponent('审查')}`)).body.total).toBe(0);

    expect((await api.call('clerk', 'POST', `/api/cases/${filed}/copy`, { users: ['clerk2'], note: '请知悉' })).status).toBe(200);
    const copied = await api.call('clerk2', 'GET', '/api/tasks?scope=copied');
    expect(copied.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: filed })] });
    expect((await api.call('clerk2', 'GET', `/api/tasks?scope=copied&title=${encodeURIComponent('许可')}`)).body.total).toBe(0);
    expect((await api.call('leader', 'GET', '/api/tasks?scope=copied')).body.total).toBe(0);
  });

  it('refuses a day range that ends before it starts, and a day that is not one', async () => {
    const backwards = await api.call('clerk', 'GET', '/api/tasks?scope=mine&from=2026-09-16&to=2026-09-01');
    expect(backwards.status).toBe(400);
    expect(backwards.type).toContain('application/problem+json');
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
    const notADay = await api.call('clerk', 'GET', '/api/tasks?scope=done&from=yesterday');
    expect(notADay.status).toBe(400);
    expect(notADay.body.errors).toEqual([expect.objectContaining({ path: 'from' })]);
    const cases = await api.call('applicant', 'GET', '/api/cases?scope=mine&from=2026-09-16&to=2026-09-01');
    expect(cases.status).toBe(400);
    // a foreign cursor and a day no calendar counts, at once: refused, and the node goes on serving
    const both = await api.call('clerk', 'GET', '/api/tasks?scope=done&cursor=0000000000&from=0000-01-01&to=0000-01-01');
    expect(both.status).toBe(400);
    expect((await api.call('clerk', 'GET', '/api/tasks?scope=mine')).status).toBe(200);
  });
});
