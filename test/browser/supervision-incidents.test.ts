import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TimerJob } from '../../engine/deadlines';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, '..', 'api', 'fixtures', name));

/** A date-time in China time as the board writes it: 2026-03-02 09:30. */
function chinaTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

jest.setTimeout(60_000);

/**
 * The 故障 tab of the supervision board in headless Chromium: empty at first; then the open
 * incidents with their case, step, error, time and attempts; the office reads them, an
 * administrator retries one after a confirmation and hears how it went.
 */
describe('the incidents panel (故障) of the supervision board', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    for (const name of ['incident-gateway.bpmn', 'incident-timer.bpmn', 'incident-start.bpmn']) {
      expect((await api.call('designer', 'POST', '/api/definitions', fixture(name))).status).toBeLessThan(300);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const openPanel = async (user: string): Promise<Page> => {
    const page = await signedInPage(browser, api.url, user, 'supervision.html#incidents');
    await page.locator('.sup-incidents').waitFor();
    return page;
  };
  const rowOf = (page: Page, title: string) => page.locator('table.sup-incidents-table tbody tr', { hasText: title });
  const openIncidents = async () => (await api.call('admin', 'GET', '/api/incidents?status=open')).body.items as Array<{ id: string; caseTitle: string; at: string; attempts: number }>;

  async function startCase(processKey: string, title: string, data: Record<string, unknown>): Promise<string> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey, title, data });
    expect(started.status).toBe(201);
    return started.body.id as string;
  }

  const currentTask = async (caseId: string, stepId: string) =>
    (await api.call('admin', 'GET', `/api/cases/${caseId}`)).body.currentSteps.find((step: { stepId: string }) => step.stepId === stepId).taskId as string;

  it('says so when nothing failed', async () => {
    const page = await openPanel('supervisor');
    await page.locator('.sup-incidents .sup-empty').waitFor();
    expect(await page.locator('.sup-incidents .sup-empty').textContent()).toBe('当前没有未处理的故障。');
    expect(await page.locator('.sup-tabs a').allTextContents()).toEqual(['黄牌 · 红牌', '督办', '效能统计', '故障', '无人办理']);
    await page.context().close();
  });

  it('lists open incidents for the office, and lets an administrator retry one after confirming', async () => {
    // given a completion that fails at 金额判断, a timer that fails at 专家评审, and a start that fails at 联名确认
    const gatewayCase = await startCase('incident-gateway', '罚没款项处理（金额有误）', { amount: '很多' });
    expect((await api.call('clerk', 'POST', `/api/tasks/${await currentTask(gatewayCase, 'assess')}/complete`, {})).status).toBe(409);
    const timerCase = await startCase('incident-timer', '专家评审（名单待补）', { reviewers: '王专家' });
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const timer = jobs.map((job) => job.data as TimerJob).find((job) => job.caseId === timerCase);
    await expect(api.govflow.cases.fireTimer(timer!)).rejects.toMatchObject({ status: 409 });
    expect((await api.call('applicant', 'POST', '/api/cases', { processKey: 'incident-start', title: '联名申请（名单缺失）', data: {} })).status).toBe(409);
    // the timer's list is fixed meanwhile, so its retry will go through
    expect((await api.call('clerk', 'POST', `/api/tasks/${await currentTask(timerCase, 'namelist')}/complete`, { data: { reviewers: ['王专家'] } })).status).toBe(200);
    const listed = await openIncidents();
    expect(listed).toHaveLength(3);

    // the supervision office reads them, without retrying
    const office = await openPanel('supervisor');
    const gatewayRow = rowOf(office, '罚没款项处理（金额有误）');
    await gatewayRow.waitFor();
    expect(await office.locator('table.sup-incidents-table tbody tr').count()).toBe(3);
    expect(await gatewayRow.locator('.sup-incident-step').textContent()).toContain('金额判断');
    expect(await gatewayRow.locator('.sup-incident-error').textContent()).toContain('no conditional flow taken');
    const gatewayIncident = listed.find((item) => item.caseTitle === '罚没款项处理（金额有误）')!;
    expect(await gatewayRow.locator('.sup-incident-at').textContent()).toBe(chinaTime(gatewayIncident.at));
    expect(await gatewayRow.locator('.sup-incident-attempts').textContent()).toBe('1');
    expect(await office.locator('table.sup-incidents-table thead th').allTextContents()).toEqual(['办件', '环节', '错误信息', '最近发生', '次数']);
    expect(await office.locator('button.sup-retry-start').count()).toBe(0);
    expect(await rowOf(office, '联名申请（名单缺失）').textContent()).toContain('（未立案）');
    expect(await office.locator('.pager-info').textContent()).toBe('第 1 / 1 页，共 3 条');
    await screenshot(office, 'supervision-incidents');
    await office.context().close();

    // an administrator starts a retry, cancels it, then confirms: the gateway still fails, and says so
    const admin = await openPanel('admin');
    const row = rowOf(admin, '罚没款项处理（金额有误）');
    await row.waitFor();
    expect(await rowOf(admin, '联名申请（名单缺失）').textContent()).toContain('不可重试');
    await row.locator('button.sup-retry-start').click();
    expect(await row.locator('.sup-retry-question').textContent()).toBe('按原操作重新执行「金额判断」？');
    await row.locator('button.sup-retry-cancel').click();
    await row.locator('button.sup-retry-start').waitFor();
    expect((await openIncidents()).find((item) => item.id === gatewayIncident.id)?.attempts).toBe(1);
    await row.locator('button.sup-retry-start').click();
    await row.locator('button.sup-retry-confirm').click();
    await admin.waitForFunction(() => document.querySelector('.sup-incidents .sup-message')?.textContent?.includes('金额判断'));
    expect(await admin.locator('.sup-incidents .sup-message').textContent()).toContain('操作未成功');
    await admin.waitForFunction(
      (title) => [...document.querySelectorAll('table.sup-incidents-table tbody tr')].some((tr) => tr.textContent?.includes(title) && tr.querySelector('.sup-incident-attempts')?.textContent === '2'),
      '罚没款项处理（金额有误）',
    );
    await screenshot(admin, 'supervision-incident-retry-failed');

    // the timer's retry goes through: the row leaves the list and the case goes on
    const timerRow = rowOf(admin, '专家评审（名单待补）');
    await timerRow.locator('button.sup-retry-start').click();
    await timerRow.locator('button.sup-retry-confirm').click();
    await admin.waitForFunction(() => document.querySelector('.sup-incidents .sup-message')?.textContent === '重试成功，故障已解决。');
    await admin.waitForFunction(() => document.querySelectorAll('table.sup-incidents-table tbody tr').length === 2);
    expect((await openIncidents()).map((item) => item.caseTitle).sort()).toEqual(['罚没款项处理（金额有误）', '联名申请（名单缺失）'].sort());
    expect((await api.call('admin', 'GET', `/api/cases/${timerCase}`)).body.currentSteps.map((step: { stepId: string }) => step.stepId)).toEqual(['expertReview']);
    await admin.context().close();
  });

  it('speaks English when switched', async () => {
    const page = await openPanel('admin');
    await page.click('#language-switch');
    await page.locator('.sup-tabs a', { hasText: 'Incidents' }).waitFor({ timeout: 10_000 });
    await page.locator('table.sup-incidents-table').waitFor();
    expect(await page.locator('table.sup-incidents-table thead th').allTextContents()).toEqual(['Case', 'Step', 'Error', 'Last failed', 'Attempts', '']);
    expect(await page.locator('button.sup-retry-start').first().textContent()).toBe('Retry');
    await page.context().close();
  });
});
