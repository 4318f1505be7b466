import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { DeadlineJob } from '../../engine/deadlines';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';
import { TestClock } from '../scenarios/scenario-support';

/** 09:00 China time on the 2nd of last month: the cases' events fall in a month the six-month charts show. */
function secondOfLastMonth(): string {
  const china = new Date(Date.now() + 8 * 3600_000);
  const date = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 2)).toISOString().slice(0, 10);
  return `${date}T09:00`;
}

// room for a page load tried again (see openBoard)
jest.setTimeout(60_000);

describe('the supervision board (电子监察) in headless Chromium', () => {
  const clock = new TestClock('2026-01-01T00:00:00+08:00');
  let api: TestApi;
  let browser: Browser;
  const redCases: Array<{ id: string; title: string; receiptNo: string }> = [];
  let lateNotice: string;

  /** Starts a timed-approval case and raises the red card of its overdue acceptance step (受理), as the deadline worker would. */
  async function overdueCase(title: string): Promise<{ id: string; title: string; receiptNo: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'timed-approval', title, data: {} });
    expect(started.status).toBe(201);
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const job = jobs.map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === started.body.id && data.level === 'red');
    if (!job) throw new Error(`no red deadline job for ${title}`);
    clock.now = new Date(job.at + 1000);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });
    return { id: started.body.id, title, receiptNo: started.body.receiptNo };
  }

  /** Takes a general-approval case through 受理 · 审查 · 决定 to a grant, `days` apart. */
  async function completedCase(title: string, days = 0): Promise<void> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title, data: {} });
    for (const [user, decision] of [['clerk', 'accept'], ['clerk', 'pass'], ['leader', 'grant']]) {
      clock.advance(days * 24 * 3600_000);
      const task = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
      const done = await api.call(user, 'POST', `/api/tasks/${task}/complete`, { decision, comment: '符合条件' });
      expect(done.status).toBe(200);
    }
  }

  beforeAll(async () => {
    clock.set(secondOfLastMonth());
    api = await startTestApi({ now: () => clock.now });
    expect((await api.call('designer', 'POST', '/api/definitions', timedApproval())).status).toBeLessThan(300);
    redCases.push(await overdueCase('食品经营许可（超期）'));
    redCases.push(await overdueCase('药品经营许可（超期）'));
    await completedCase('个体工商户登记（上月办结）', 2);
    const notice = await api.call('supervisor', 'POST', '/api/supervision/notices', { caseId: redCases[1]!.id, department: 'market-bureau', message: '请于一个工作日内说明超期原因', replyLimit: '1WD' });
    expect(notice.status).toBe(201);
    lateNotice = notice.body.id;
    // now this month: one more case done, and the late notice's reply limit long past
    clock.now = new Date();
    await completedCase('个体工商户登记（本月办结）');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const openBoard = (user: string, path: string): Promise<Page> => signedInPage(browser, api.url, user, path);

  const rowOf = (page: Page, title: string) => page.locator('table.sup-alerts tbody tr', { hasText: title });

  it('shows the supervisor the red card of an overdue step; its detail; closing it with a note', async () => {
    const page = await openBoard('supervisor', 'supervision.html');
    const row = rowOf(page, redCases[0]!.title);
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('red');
    expect(await row.locator('.card.red').textContent()).toBe('红牌');
    expect(await row.textContent()).toContain('受理');
    expect(await row.textContent()).toContain('market-bureau');
    expect(await page.locator('table.sup-alerts tbody tr').count()).toBe(2);
    expect(await page.locator('.pager-info').textContent()).toBe('第 1 / 1 页，共 2 条');
    // the first line counts what the tabs list: both red cards open, none yellow, the one notice still unanswered
    await page.waitForFunction(() => [...document.querySelectorAll('.sup-tile-count')].every((count) => count.textContent !== '…'));
    expect(await page.locator('.sup-tile').allTextContents()).toEqual(['2未关闭红牌', '0未关闭黄牌', '1督办待回复', '0回复待审核', '0未处理故障']);
    await screenshot(page, 'supervision-alerts');

    await row.locator('button.sup-open').click();
    const detail = page.locator('aside.sup-detail');
    await detail.locator('dl.sup-facts').waitFor();
    expect(await detail.textContent()).toContain(redCases[0]!.id);
    expect(await detail.locator('h2').textContent()).toContain('红牌');
    await detail.locator('textarea[name=note]').fill('已约谈承办人，情况属实，责令整改');
    await detail.locator('button.sup-close').click();
    await detail.locator('.sup-close-note').waitFor();
    expect(await detail.locator('.sup-close-note').textContent()).toBe('已约谈承办人，情况属实，责令整改');
    expect(await detail.locator('.sup-status').textContent()).toBe('已关闭');
    // who closed it, by name
    expect(await detail.locator('dl.sup-facts').textContent()).toContain('林海 · ');
    expect(await detail.locator('form.sup-close-form').count()).toBe(0);
    // the open list no longer holds it
    await page.waitForFunction(() => document.querySelectorAll('table.sup-alerts tbody tr').length === 1);
    await screenshot(page, 'supervision-alert-closed');

    const closed = (await api.call('supervisor', 'GET', `/api/supervision/alerts?status=closed`)).body.items;
    expect(closed).toEqual([expect.objectContaining({ caseId: redCases[0]!.id, closedBy: 'supervisor', closeNote: '已约谈承办人，情况属实，责令整改' })]);

    // filtered to closed cards, it is there; to yellow cards, the empty state shows
    await page.selectOption('select[name=status]', 'closed');
    await page.waitForFunction((title) => [...document.querySelectorAll('table.sup-alerts tbody tr')].some((tr) => tr.textContent?.includes(title)), redCases[0]!.title);
    await page.selectOption('select[name=level]', 'yellow');
    await page.locator('.sup-empty').waitFor();
    expect(await page.locator('.sup-empty').textContent()).toBe('没有符合条件的黄牌或红牌。');
    await page.context().close();
  });

  it("shows the server's refusal when the card was closed meanwhile, and hides closing from a department", async () => {
    const page = await openBoard('supervisor', 'supervision.html');
    const row = rowOf(page, redCases[1]!.title);
    await row.waitFor();
    await row.locator('button.sup-open').click();
    const detail = page.locator('aside.sup-detail');
    await detail.locator('textarea[name=note]').waitFor();
    const id = (await api.call('supervisor', 'GET', '/api/supervision/alerts?status=open')).body.items.find((alert: { caseId: string }) => alert.caseId === redCases[1]!.id).id;
    expect((await api.call('supervisor', 'POST', `/api/supervision/alerts/${encodeURIComponent(id)}/close`, { note: '另一窗口已处理' })).status).toBe(200);
    await detail.locator('textarea[name=note]').fill('重复关闭');
    await detail.locator('button.sup-close').click();
    const refusal = detail.locator('form.sup-close-form [role=alert]');
    await page.waitForFunction(() => (document.querySelector('form.sup-close-form [role=alert]')?.textContent ?? '') !== '');
    expect(await refusal.textContent()).toMatch(/^操作未成功：.+/);
    await screenshot(page, 'supervision-close-refused');
    await page.context().close();

    const clerk = await openBoard('clerk', 'supervision.html');
    await clerk.selectOption('select[name=status]', 'closed');
    const clerkRow = rowOf(clerk, redCases[1]!.title);
    await clerkRow.waitFor();
    expect(await clerk.locator('select[name=department]').count()).toBe(0);
    expect(await clerk.locator('.sup-tabs a').allTextContents()).toEqual(['黄牌 · 红牌', '督办']);
    await clerkRow.locator('button.sup-open').click();
    await clerk.locator('aside.sup-detail dl.sup-facts').waitFor();
    expect(await clerk.locator('aside.sup-detail button.sup-close').count()).toBe(0);
    expect(await clerk.locator('aside.sup-detail .sup-close-note').textContent()).toBe('另一窗口已处理');
    // in English too
    await clerk.click('#language-switch');
    await clerk.locator('.sup-tabs a', { hasText: 'Yellow and red cards' }).waitFor({ timeout: 10_000 });
    await clerk.selectOption('select[name=status]', 'closed');
    await clerk.locator('table.sup-alerts .card.red', { hasText: 'Red card' }).first().waitFor();
    await screenshot(clerk, 'supervision-clerk-en');
    await clerk.context().close();
  });

  it('lets the office send a notice (督办) and the department reply; a late reply shows as late', async () => {
    const office = await openBoard('supervisor', 'supervision.html#notices');
    await office.locator('table.sup-notices-table tbody tr').first().waitFor();
    expect(await office.locator(`tr[data-notice-id="${lateNotice}"] .card`).textContent()).toBe('已逾期未回复');
    await office.click('details.sup-send summary');
    // the office names the case by the receipt number on its papers; one nobody issued is refused in words
    await office.fill('details.sup-send input[name=receiptNo]', 'GF20990101-99999');
    await office.fill('details.sup-send textarea[name=message]', '请说明原因');
    await office.click('details.sup-send button[type=submit]');
    await office.locator('details.sup-send .sup-message.error').waitFor();
    expect(await office.locator('details.sup-send .sup-message.error').textContent()).toContain('找不到受理编号“GF20990101-99999”（不存在或您无权查看）');
    await office.fill('details.sup-send input[name=receiptNo]', redCases[0]!.receiptNo);
    await office.fill('details.sup-send textarea[name=message]', '请说明食品经营许可受理超期原因及整改措施');
    await office.click('details.sup-send button[type=submit]');
    await office.locator('details.sup-send .sup-message.ok').waitFor();
    await office.waitForFunction(() => document.querySelectorAll('table.sup-notices-table tbody tr').length === 2);
    await office.context().close();

    const clerk = await openBoard('clerk', 'supervision.html#notices');
    const fresh = clerk.locator('table.sup-notices-table tbody tr', { hasText: '食品经营许可受理超期' });
    await fresh.waitFor();
    await fresh.locator('details summary').click();
    await fresh.locator('textarea[name=explanation]').fill('窗口人员休假，已调整排班并补办');
    await fresh.locator('button[type=submit]').click();
    await clerk.locator('tr[data-status=replied]').waitFor();
    const late = clerk.locator(`tr[data-notice-id="${lateNotice}"]`);
    await late.locator('details summary').click();
    await late.locator('textarea[name=explanation]').fill('系统故障导致迟复');
    await late.locator('button[type=submit]').click();
    await clerk.locator(`tr[data-notice-id="${lateNotice}"][data-status=replied-late]`).waitFor();
    expect(await clerk.locator(`tr[data-notice-id="${lateNotice}"] .card`).textContent()).toBe('逾期回复');
    expect(await clerk.locator(`tr[data-notice-id="${lateNotice}"] .sup-reply`).textContent()).toContain('系统故障导致迟复');
    // the sender and the replier by name
    expect(await clerk.locator(`tr[data-notice-id="${lateNotice}"] .sup-reply small`).textContent()).toMatch(/^张伟 · /);
    expect(await clerk.locator(`tr[data-notice-id="${lateNotice}"] td`).first().textContent()).toContain('林海');
    expect(await clerk.locator('tr[data-status=replied] .card').textContent()).toBe('已按时回复');
    await screenshot(clerk, 'supervision-notices');
    await clerk.context().close();
  });

  it('lets the office turn a reply back, accept the next one and end a notice, each ending asked twice', async () => {
    const office = await openBoard('supervisor', 'supervision.html#notices');
    const fresh = office.locator('table.sup-notices-table tbody tr', { hasText: '食品经营许可受理超期' });
    await fresh.waitFor();
    // 退回重新说明 with a reason and a new limit: the notice waits for a reply again, the turned-back one kept below
    await fresh.locator('details[data-step=reject] summary').click();
    await fresh.locator('details[data-step=reject] textarea[name=reason]').fill('未说明补办时限，请补充');
    await fresh.locator('details[data-step=reject] input[name=replyLimit]').fill('2WD');
    await fresh.locator('details[data-step=reject] button[type=submit]').click();
    const again = office.locator('tr[data-status=awaiting-reply]', { hasText: '未说明补办时限，请补充' });
    await again.waitFor();
    expect(await again.locator('.sup-earlier summary').textContent()).toBe('此前 1 轮督办');
    await again.locator('.sup-earlier summary').click();
    expect(await again.locator('.sup-earlier li').textContent()).toContain('窗口人员休假，已调整排班并补办');
    expect(await again.locator('.sup-earlier li').textContent()).toMatch(/林海 于 .* 退回：未说明补办时限，请补充/);
    expect(await again.locator('details[data-step]').evaluateAll((steps) => steps.map((step) => (step as HTMLElement).dataset.step))).toEqual(['reissue', 'close']);
    const noticeId = await again.getAttribute('data-notice-id');
    await office.context().close();

    const clerk = await openBoard('clerk', 'supervision.html#notices');
    const mine = clerk.locator(`tr[data-notice-id="${noticeId}"]`);
    await mine.locator('details.sup-reply-open summary').click();
    await mine.locator('textarea[name=explanation]').fill('已于本周三前补办完毕');
    await mine.locator('button[type=submit]').click();
    await clerk.locator(`tr[data-notice-id="${noticeId}"][data-status=replied]`).waitFor();
    // staff reply; they neither accept nor end
    expect(await clerk.locator(`tr[data-notice-id="${noticeId}"] details[data-step]`).count()).toBe(0);
    await clerk.context().close();

    const reviewer = await openBoard('supervisor', 'supervision.html#notices');
    await reviewer.waitForFunction(() => [...document.querySelectorAll('.sup-tile-count')].every((count) => count.textContent !== '…'));
    expect(await reviewer.locator('.sup-tile', { hasText: '回复待审核' }).textContent()).toBe('2回复待审核');
    const replied = reviewer.locator(`tr[data-notice-id="${noticeId}"]`);
    await replied.locator('details[data-step=accept] summary').click();
    await replied.locator('details[data-step=accept] textarea').fill('措施具体，予以认可');
    await replied.locator('details[data-step=accept] button[type=submit]').click();
    // the first press only asks
    await replied.locator('.sup-confirm:not([hidden])').waitFor();
    expect(await replied.locator('.sup-confirm:not([hidden])').textContent()).toContain('不能再退回');
    expect(await replied.getAttribute('data-status')).toBe('replied');
    await replied.locator('details[data-step=accept] button[type=submit]').click();
    await reviewer.locator(`tr[data-notice-id="${noticeId}"][data-status=accepted]`).waitFor();
    expect(await reviewer.locator(`tr[data-notice-id="${noticeId}"] .card`).textContent()).toBe('已认可');
    expect(await reviewer.locator(`tr[data-notice-id="${noticeId}"] .sup-closed`).textContent()).toMatch(/^已认可 · 林海 · .*：措施具体，予以认可$/);

    const late = reviewer.locator(`tr[data-notice-id="${lateNotice}"]`);
    await late.locator('details[data-step=close] summary').click();
    await late.locator('details[data-step=close] textarea').fill('已约谈，督办结束');
    await late.locator('details[data-step=close] button[type=submit]').click();
    await late.locator('.sup-confirm:not([hidden])').waitFor();
    await late.locator('details[data-step=close] button[type=submit]').click();
    await reviewer.locator(`tr[data-notice-id="${lateNotice}"][data-status=closed]`).waitFor();
    expect(await reviewer.locator(`tr[data-notice-id="${lateNotice}"] details[data-step]`).count()).toBe(0);
    // the tiles count again after each step: no reply left to review
    await reviewer.waitForFunction(() => document.querySelector('.sup-tile-review .sup-tile-count')?.textContent === '0');
    await screenshot(reviewer, 'supervision-notice-review');
    await reviewer.context().close();
  });

  it('shows the figures per department and per process, with SVG charts', async () => {
    const page = await openBoard('supervisor', 'supervision.html#figures');
    const market = page.locator('table.sup-figures tbody tr[data-group=market-bureau]');
    await market.waitFor();
    const cells = await market.locator('td').allTextContents();
    // received, completed, on-time rate, overdue, average days, open cards, notices replied on time / sent
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('2');
    expect(cells[2]).toBe('100%');
    expect(cells[3]).toBe('2');
    expect(cells[6]).toBe('1 / 2');

    const trend = page.locator('[data-chart=on-time] svg');
    // both months at 100 % make a flat line, which Playwright counts as invisible: wait for it attached
    await trend.locator('path.sup-line').waitFor({ state: 'attached' });
    expect(await trend.locator('path.sup-line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
    expect(await trend.locator('circle.sup-dot').count()).toBe(2);
    expect(await trend.locator('text', { hasText: '100%' }).count()).toBe(3);
    const overdueBars = page.locator('[data-chart=overdue] svg rect.sup-bar');
    expect(await overdueBars.count()).toBe(1);
    expect(Number(await overdueBars.first().getAttribute('height'))).toBeGreaterThan(0);
    // a count's axis is marked in whole cases only
    const overdueAxis = await page.locator('[data-chart=overdue] svg text.sup-axis').allTextContents();
    expect(overdueAxis.filter((label) => /^\d+(\.\d+)?$/.test(label)).every((label) => Number.isInteger(Number(label)))).toBe(true);
    expect(await page.locator('[data-chart=days] svg rect.sup-bar').count()).toBe(1);
    await screenshot(page, 'supervision-figures');

    // 穿透查询: the overdue figure opens the two overdue cases, each linked to its case page
    await market.locator('button.sup-drill[data-figure=overdue]').click();
    const drilled = page.locator('section.sup-drill-panel[data-figure=overdue]');
    await drilled.locator('table.sup-drill-table tbody tr').first().waitFor();
    expect(await drilled.locator('h2').textContent()).toBe('market-bureau · 超期（2 件）');
    expect(await drilled.locator('tbody tr').count()).toBe(2);
    const links = await drilled.locator('tbody a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.sort()).toEqual(redCases.map((item) => `case.html?id=${encodeURIComponent(item!.id)}`).sort());
    expect(await drilled.locator('.pager-info').textContent()).toBe('第 1 / 1 页，共 2 条');
    await screenshot(page, 'supervision-figures-drill');
    await drilled.locator('button.sup-drill-close').click();
    expect(await page.locator('section.sup-drill-panel').count()).toBe(0);

    await page.selectOption('select[name=groupBy]', 'process');
    await page.click('form.sup-period button[type=submit]');
    await page.locator('table.sup-figures tbody tr[data-group=timed-approval]').waitFor();
    expect(await page.locator('table.sup-figures tbody tr').count()).toBe(2);
    expect(await page.locator('table.sup-figures thead th').first().textContent()).toBe('流程');
    await page.context().close();
  });

  it('downloads the figures as CSV with the bearer token', async () => {
    const page = await openBoard('supervisor', 'supervision.html#figures');
    await page.locator('table.sup-figures tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.sup-export')]);
    expect(download.suggestedFilename()).toMatch(/^figures-department-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe('编码,名称,上级单位,收件数,办结数,按时办结数,按时办结率,超期数,平均办理工作日,未关闭黄牌,未关闭红牌,督办数,督办按时回复数,评价数,满意数（基本满意及以上）,满意率,差评整改数,差评按时整改数,差评按时整改率');
    expect(lines).toEqual([expect.stringMatching(/^market-bureau,market-bureau,,4,2,2,100\.0%,2,/)]);
    await page.context().close();
  });
  it('rolls the figures up the organisation tree, each unit by name under the unit it belongs to', async () => {
    const units = [
      { code: 'city', name: '市人民政府', kind: 'city', parent: null },
      { code: 'market-bureau', name: '市市场监督管理局', kind: 'bureau', parent: 'city' },
      { code: 'supervision-office', name: '市电子监察室', kind: 'supervision-office', parent: 'city' },
    ];
    expect((await api.call('admin', 'POST', '/api/org/import', { units })).status).toBe(200);
    const page = await openBoard('supervisor', 'supervision.html#figures');
    await page.locator('table.sup-figures tbody tr').first().waitFor();
    await page.selectOption('select[name=groupBy]', 'unit');
    await page.click('form.sup-period button[type=submit]');
    const city = page.locator('table.sup-figures tbody tr[data-group=city]');
    await city.waitFor();
    expect(await page.locator('table.sup-figures thead th').first().textContent()).toBe('单位（逐级汇总）');
    const market = page.locator('table.sup-figures tbody tr[data-group=market-bureau]');
    expect(await market.locator('th').textContent()).toBe('\u3000市市场监督管理局');
    expect(await city.locator('th').textContent()).toBe('市人民政府');
    // the city's row is its bureau's and its office's summed: the cases received
    expect(await city.locator('td').first().textContent()).toBe(await market.locator('td').first().textContent());
    await page.context().close();
  });
});
