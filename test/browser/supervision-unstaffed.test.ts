import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

/** A hand-written model whose one step names a group nobody in the test directory holds. */
const auditReview = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="unstaffed-definitions" targetNamespace="http://govflow.org/test/unstaffed">
  <process id="audit-review" name="审计复核" isExecutable="true">
    <startEvent id="start" name="申请"/>
    <sequenceFlow id="toWork" sourceRef="start" targetRef="work"/>
    <userTask id="work" name="审计复核" camunda:candidateGroups="audit@city-audit-bureau"/>
    <sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/>
    <endEvent id="end" name="办结"/>
  </process>
</definitions>`;

/** A date-time in China time as the board writes it: 2026-03-02 09:30. */
function chinaTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

jest.setTimeout(60_000);

/**
 * The 无人办理 tab of the supervision board in headless Chromium: a running case stuck at a group
 * nobody holds is listed for the office with its case, step, the group it names, when it opened
 * and how long it has waited; it leaves the list once someone holds the group; a clerk has no such tab.
 */
describe('the unstaffed tasks panel (无人办理) of the supervision board', () => {
  let api: TestApi;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    api = await startTestApi();
    expect((await api.call('designer', 'POST', '/api/definitions', auditReview)).status).toBe(201);
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'audit-review', title: '审计复核申请（岗位无人）', data: {} });
    expect(started.status).toBe(201);
    caseId = started.body.id as string;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const openPanel = async (user: string): Promise<Page> => {
    const page = await signedInPage(browser, api.url, user, 'supervision.html#unstaffed');
    await page.locator('.sup-unstaffed').waitFor();
    return page;
  };
  const rows = (page: Page) => page.locator('table.sup-unstaffed-table tbody tr');

  it('lists the open task nobody can act on for the supervision office', async () => {
    // given a case waiting at 审计复核, whose group audit@city-audit-bureau nobody holds
    const listed = await api.call('supervisor', 'GET', '/api/supervision/unstaffed-tasks');
    expect(listed.body.total).toBe(1);
    const task = listed.body.items[0] as { taskId: string; receiptNo: string; createdAt: string };

    // when the supervisor opens the tab
    const page = await openPanel('supervisor');
    await rows(page).first().waitFor();

    // then the row names the case, the step, the group, and when it opened (China time)
    expect(await page.locator('.sup-tabs a').allTextContents()).toEqual(['黄牌 · 红牌', '督办', '效能统计', '故障', '无人办理']);
    expect(await page.locator('.sup-tabs a.active').textContent()).toBe('无人办理');
    expect(await page.locator('.sup-unstaffed-intro').textContent()).toContain('转办');
    expect(await page.locator('table.sup-unstaffed-table thead th').allTextContents()).toEqual(['办件', '环节', '指定办理', '到达时间', '已等待（天）']);
    expect(await rows(page).count()).toBe(1);
    const row = rows(page).first();
    expect(await row.getAttribute('data-task-id')).toBe(task.taskId);
    const link = row.locator('a', { hasText: '审计复核申请（岗位无人）' });
    expect(await link.getAttribute('href')).toBe(`case.html?id=${encodeURIComponent(caseId)}`);
    expect(await row.locator('td').first().textContent()).toContain(task.receiptNo);
    expect(await row.locator('.sup-unstaffed-step').textContent()).toBe('审计复核');
    expect(await row.locator('.sup-unstaffed-names .sup-named').allTextContents()).toEqual(['岗位 audit@city-audit-bureau']);
    expect(await row.locator('.sup-unstaffed-opened').textContent()).toBe(chinaTime(task.createdAt));
    expect(await row.locator('.sup-unstaffed-waited').textContent()).toBe('0');
    expect(await page.locator('.sup-unstaffed .pager-info').textContent()).toBe('第 1 / 1 页，共 1 条');
    await screenshot(page, 'supervision-unstaffed');
    await page.context().close();
  });

  it('speaks English when switched, for an administrator too', async () => {
    const page = await openPanel('admin');
    await page.click('#language-switch');
    await page.locator('.sup-tabs a', { hasText: 'Unstaffed tasks' }).waitFor({ timeout: 10_000 });
    await rows(page).first().waitFor();
    expect(await page.locator('table.sup-unstaffed-table thead th').allTextContents()).toEqual(['Case', 'Step', 'Named to act', 'Opened', 'Days waiting']);
    expect(await rows(page).first().locator('.sup-named').allTextContents()).toEqual(['Group audit@city-audit-bureau']);
    expect(await page.locator('.sup-unstaffed-intro').textContent()).toContain('transfer the task');
    await page.context().close();
  });

  it('gives a clerk no such tab', async () => {
    const page = await signedInPage(browser, api.url, 'clerk', 'supervision.html#unstaffed');
    await page.locator('.sup-tabs a').first().waitFor();
    expect(await page.locator('.sup-tabs a').allTextContents()).toEqual(['黄牌 · 红牌', '督办']);
    await page.locator('.sup-alerts-board').waitFor();
    expect(await page.locator('.sup-unstaffed').count()).toBe(0);
    await page.context().close();
  });

  it('says so once someone holds the group', async () => {
    const page = await openPanel('supervisor');
    await rows(page).first().waitFor();

    // when a user holding audit@city-audit-bureau joins the directory and the board is reloaded
    await api.govflow.users.add({ username: 'auditor', password: passwordOf('auditor'), roles: ['clerk'], department: 'city-audit-bureau', groups: ['audit@city-audit-bureau'] });
    await page.reload();

    // then the list is empty and says so
    await page.locator('.sup-unstaffed .sup-empty').waitFor();
    expect(await page.locator('.sup-unstaffed .sup-empty').textContent()).toBe('目前没有无人办理的待办');
    expect(await rows(page).count()).toBe(0);
    expect(await page.locator('.sup-unstaffed .pager-info').textContent()).toBe('第 1 / 1 页，共 0 条');
    await page.context().close();
  });
});
