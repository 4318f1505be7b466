import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-govflow';

/**
 * The inbox's lists as a clerk and a leader live with them in headless Chromium: more work than a
 * page holds, paged through with the true total; one search box over every tab; 已办, 我发起的,
 * 抄送我的 and the leader's 本部门在办; a loading line that is not an empty one; and a legally
 * binding decision sent only after it is confirmed, its draft opinion surviving a reload.
 */
describe('the inbox lists in headless Chromium', () => {
  let api: TestApi;
  let browser: Browser;
  const waiting = 120;
  const receipts: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
    // one sign-in first: the lanes below share its token
    expect((await api.call('applicant', 'GET', '/api/cases?scope=mine&limit=1')).status).toBe(200);
    for (let lane = 0; lane < 4; lane++) {
      await Promise.all(
        Array.from({ length: waiting / 4 }, async (_, n) => {
          const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: `食品经营许可 ${lane}-${n}`, data: {} });
          receipts.push(started.body.receiptNo);
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  const rows = (page: Page) => page.locator('#inbox-list tbody tr');

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function stepOf(caseId: string, stepId: string): Promise<string> {
    const steps = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps as Array<{ stepId: string; taskId: string }>;
    return steps.find((step) => step.stepId === stepId)!.taskId;
  }

  it('pages through more claimable tasks than a page holds, with the true total, none lost or repeated', async () => {
    const page = await signedInPage(browser, api.url, 'clerk2', 'inbox.html');
    // while the list loads the page says so; it never claims the list is empty
    let slow = true;
    await page.route('**/api/tasks?*', async (route) => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('#inbox-loading');
    expect(await page.locator('#inbox-empty').count()).toBe(0);
    slow = false;
    await page.waitForSelector('#inbox-empty');
    expect(await page.locator('#inbox-empty').textContent()).toBe('暂无待办事项。');

    await page.waitForSelector(`.tabs [data-scope=claimable]:text("待签收（${waiting}）")`);
    expect(await page.locator('.tabs .tab').allTextContents()).toEqual(['我的待办（0）', `待签收（${waiting}）`, '已办（0）', '我发起的（0）', '抄送我的（0）']);
    await page.click('.tabs [data-scope=claimable]');
    await page.waitForSelector('#inbox-list table[data-scope=claimable]');
    const seen: string[] = [];
    for (let n = 1; n <= 3; n++) {
      await page.waitForSelector(`.pager-info:text("第 ${n} / 3 页，共 ${waiting} 条")`);
      seen.push(...(await rows(page).evaluateAll((found) => found.map((row) => (row as HTMLElement).dataset.receipt as string))));
      if (n < 3) await page.click('.pager-next');
    }
    expect(seen).toHaveLength(waiting);
    expect([...seen].sort()).toEqual([...receipts].sort());
    expect(await page.locator('.pager-next').isDisabled()).toBe(true);
    await expectAccessible(page, 'inbox-claimable-paged');
    await page.context().close();
  });

  it('searches every tab at once, keeps the search in the address, and says when nothing matches', async () => {
    const other = await api.call('other-applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '户外广告设置许可', data: {} });
    const page = await signedInPage(browser, api.url, 'clerk2', 'inbox.html?scope=claimable');
    await page.waitForSelector('#inbox-list table[data-scope=claimable]');
    await page.fill('#search-title', '户外广告');
    await page.click('#search-apply');
    await page.waitForSelector(`.tabs [data-scope=claimable]:text("待签收（1）")`);
    expect(await rows(page).evaluateAll((found) => found.map((row) => (row as HTMLElement).dataset.receipt))).toEqual([other.body.receiptNo]);
    expect(page.url()).toContain(`title=${encodeURIComponent('户外广告')}`);
    expect(await page.locator('#search-processKey option').allTextContents()).toEqual(['全部事项', '一般审批（受理·审查·决定）']);

    await page.reload();
    await page.waitForSelector('#inbox-list table[data-scope=claimable]');
    expect(await page.inputValue('#search-title')).toBe('户外广告');
    expect(await rows(page).count()).toBe(1);

    await page.fill('#search-title', '');
    await page.fill('#search-applicant', '李明');
    await page.fill('#search-to', '2020-01-01');
    await page.click('#search-apply');
    await page.waitForSelector('#inbox-empty:text("没有符合查询条件的事项。")');
    expect(await page.locator('.tabs [data-scope=claimable]').textContent()).toBe('待签收（0）');
    await page.click('#search-clear');
    await page.waitForSelector(`.tabs [data-scope=claimable]:text("待签收（${waiting + 1}）")`);
    await expectAccessible(page, 'inbox-search');
    await page.context().close();
  });

  it("gives the leader 本部门在办 and a confirmation before the decisive decision, keeping the draft opinion across a reload", async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '食品经营许可·决定', data: {} });
    await api.call('clerk', 'POST', `/api/tasks/${await stepOf(started.body.id, 'accept')}/complete`, { decision: 'accept' });
    await api.call('clerk', 'POST', `/api/tasks/${await stepOf(started.body.id, 'review')}/complete`, { decision: 'pass', comment: '材料齐全' });
    const decide = await stepOf(started.body.id, 'decide');

    const page = await signedInPage(browser, api.url, 'leader', 'inbox.html?scope=department');
    await page.waitForSelector('#inbox-list table[data-scope=department]');
    expect(await page.locator('.tabs [data-scope=department]').textContent()).toMatch(/^本部门在办（\d+）$/);
    expect(await page.locator('.pager-info').textContent()).toContain(`共 ${waiting + 2} 条`);
    await expectAccessible(page, 'inbox-department');

    await page.goto(`${api.url}/inbox.html?scope=claimable&task=${decide}`);
    await page.click('#claim-task');
    await page.waitForSelector('#unclaim-task');
    await page.selectOption('#task-decision', 'grant');
    await page.fill('#task-comment', '符合许可条件，准予许可');
    await page.reload();
    await page.waitForSelector('#unclaim-task');
    expect(await page.inputValue('#task-decision')).toBe('grant');
    expect(await page.inputValue('#task-comment')).toBe('符合许可条件，准予许可');

    await page.click('#complete-task');
    await page.waitForSelector('.confirm-decisive:not([hidden])');
    expect(await page.locator('.confirm-decisive p').textContent()).toBe('此环节作出的是具有法律效力的决定：「准予许可」。提交后将告知申请人，不能撤回。请核对后确认。');
    expect(await page.locator('#complete-task').textContent()).toBe('确认提交');
    expect((await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.status).toBe('running');
    await expectAccessible(page, 'inbox-decisive-confirmation');
    await page.click('#cancel-decisive');
    expect(await page.locator('.confirm-decisive').isHidden()).toBe(true);
    await page.click('#complete-task');
    await page.click('#complete-task');
    await page.waitForSelector('.flash .done[data-operation=complete]');
    expect((await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.status).toBe('completed');

    // 已办: the decision in words, when it was made, and no clock running on it any more
    await page.goto(`${api.url}/inbox.html?scope=done&task=${decide}`);
    await page.waitForSelector('#inbox-list table[data-scope=done]');
    expect(await page.locator('.tabs [data-scope=done]').textContent()).toBe('已办（1）');
    expect(await rows(page).first().locator('td').nth(2).textContent()).toBe('准予许可');
    await page.waitForSelector(`article.task-detail[data-task-id="${decide}"][data-status=completed]`);
    expect(await page.locator('dl.clock-details').count()).toBe(0);
    expect(await page.locator('.task-detail').textContent()).not.toMatch(/inbox\.|work\./);
    await page.context().close();
  });

  it('lists the cases I opened and those copied to me, each opening in the case viewer', async () => {
    const copied = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '食品经营许可·抄送', data: {} });
    expect((await api.call('clerk', 'POST', `/api/cases/${copied.body.id}/copy`, { users: ['clerk2'], note: '请知悉' })).status).toBe(200);
    const page = await signedInPage(browser, api.url, 'clerk2', 'inbox.html?scope=copied', 'zh-CN', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.waitForSelector('#inbox-list table[data-scope=copied]');
    expect(await page.locator('.tabs [data-scope=copied]').textContent()).toBe('抄送我的（1）');
    const row = page.locator(`#inbox-list tr.case-row[data-case-id="${copied.body.id}"]`);
    expect(await row.locator('td').allTextContents()).toEqual([`食品经营许可·抄送${copied.body.receiptNo}`, '一般审批（受理·审查·决定）', '受理', '办理中', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'inbox-copied-phone');
    await row.locator('a.open-case').click();
    await page.waitForURL(/case\.html\?id=/);
    await page.context().close();

    const mine = await signedInPage(browser, api.url, 'clerk2', 'inbox.html?scope=started');
    await mine.waitForSelector('#inbox-empty:text("您尚未发起办件。")');
    await mine.context().close();
  });
});
