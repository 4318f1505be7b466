import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../engine';
import { addScenarioStaff, attachment } from '../scenarios/scenario-support';
import { seriousViolations } from '../support/accessibility';
import { launchBrowser, screenshot } from '../support/browser';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

/**
 * The public progress query (办件进度查询) on a phone (390×844): anyone holding the receipt
 * number and query code reads the status in words, the step, the due date and the outcome,
 * without signing in, and nothing personal; a wrong code finds nothing.
 */
describe('public progress on a phone in headless Chromium', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    await addScenarioStaff(api);
    await api.govflow.definitions.deploy(bpmn('licensing-general.bpmn'), systemActor);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  const materials = ['application-form', 'business-licence', 'premises-proof'].map((material) => ({ ...attachment(`${material}.pdf`), material }));

  async function apply(): Promise<{ id: string; receiptNo: string; queryCode: string }> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'licensing-general', title: '食品经营许可·李明小吃店', data: { applicantName: '李明小吃店', businessScope: '热食类食品制售' }, attachments: materials });
    expect(started.status).toBe(201);
    return started.body;
  }

  async function complete(user: string, caseId: string, stepId: string, body: Record<string, unknown>): Promise<void> {
    const step = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps.find((open: { stepId: string }) => open.stepId === stepId);
    expect((await api.call(user, 'POST', `/api/tasks/${step.taskId}/complete`, body)).status).toBe(200);
  }

  async function phone(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    return page;
  }

  const fact = (page: Page, key: string) => page.locator(`#progress-result dd[data-fact=${key}]`).textContent();

  it('answers a receipt number and query code typed in, with the status, step and due date in Chinese and nothing personal', async () => {
    const started = await apply();
    await complete('clerk', started.id, 'accept', { decision: 'accept', comment: '材料齐全，予以受理' });
    const page = await phone();
    await page.goto(`${api.url}/progress.html`);
    expect(await page.locator('h1').textContent()).toBe('办件进度查询');
    expect(await page.locator('form.login').count()).toBe(0);
    await page.fill('#progress-receipt', started.receiptNo);
    await page.fill('#progress-code', started.queryCode);
    await page.click('.progress-query button[type=submit]');
    await page.waitForSelector('#progress-result .progress-card');
    expect(await page.locator('#progress-result h2').textContent()).toBe(started.receiptNo);
    expect(await fact(page, 'status')).toBe('办理中');
    expect(await fact(page, 'step')).toBe('审查');
    const { dueDate } = (await api.call(undefined, 'GET', `/api/public/progress/${started.receiptNo}?code=${started.queryCode}`)).body;
    expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await fact(page, 'due')).toBe(dueDate);
    const text = (await page.locator('#progress-result').textContent()) ?? '';
    for (const personal of ['李明', '张伟', 'applicant', 'clerk', '材料齐全']) expect(text).not.toContain(personal);
    // the page fits the phone: nothing scrolls sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'progress-phone-running');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the outcome and the public reasons of a denial, from a link carrying the receipt and code', async () => {
    const started = await apply();
    await complete('clerk', started.id, 'accept', { decision: 'accept' });
    await complete('clerk', started.id, 'review', { decision: 'pass' });
    await complete('chief', started.id, 'check', { decision: 'pass', comment: '内部意见：建议不予许可' });
    const reasons = '经营场所与污染源距离不足25米，不符合许可条件';
    await complete('leader', started.id, 'decide', { decision: 'deny', comment: reasons });

    const page = await phone();
    await page.goto(`${api.url}/progress.html?receipt=${started.receiptNo}&code=${started.queryCode}`);
    await page.waitForSelector('#progress-result .progress-card');
    expect(await fact(page, 'status')).toBe('已办结');
    expect(await fact(page, 'outcome')).toBe('不予许可');
    expect(await fact(page, 'ended')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.locator('#progress-result .reasons').textContent()).toContain(reasons);
    expect(await page.locator('#progress-result').textContent()).not.toContain('内部意见');
    await screenshot(page, 'progress-phone-denied');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is reached from the sign-in form, and finds nothing with a wrong query code, saying so', async () => {
    const started = await apply();
    const page = await phone();
    await page.goto(`${api.url}/index.html`);
    await page.click('form.login a.progress-link');
    await page.waitForURL(/progress\.html$/);
    await page.fill('#progress-receipt', started.receiptNo);
    await page.fill('#progress-code', 'WRONG1');
    await page.click('.progress-query button[type=submit]');
    await page.waitForSelector('#progress-result p.error');
    expect(await page.locator('#progress-result p.error').textContent()).toBe('未找到该办件：请核对受理编号和查询码。');
    expect(await page.locator('#progress-result .progress-card').count()).toBe(0);
    await page.context().close();
  });
});
