import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../engine';
import { attachment, DAY, TestClock } from '../scenarios/scenario-support';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/** general-approval with clocks on every step: 受理 5WD, 审查 3WD (yellow one working day before), 决定 2WD. */
const viewerProcess = timedApproval(undefined, 'timed-viewer').replace('govflow:decisions="grant,deny"', 'govflow:decisions="grant,deny" govflow:timeLimit="2WD"');

describe('the case viewer in headless Chromium', () => {
  const clock = new TestClock('2026-03-02T09:30:00+08:00');
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi({ now: () => clock.now });
    await api.govflow.definitions.deploy(viewerProcess, systemActor);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });
  beforeEach(() => clock.set('2026-03-02T09:30'));

  async function start(title: string): Promise<{ id: string; receiptNo: string }> {
    const response = await api.call('applicant', 'POST', '/api/cases', { processKey: 'timed-viewer', title, data: {}, attachments: [attachment('申请书.pdf')] });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function complete(caseId: string, user: string, body: Record<string, unknown>): Promise<void> {
    const [step] = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps;
    const response = await api.call(user, 'POST', `/api/tasks/${step.taskId}/complete`, body);
    expect(response.status).toBe(200);
  }

  /** The stroke of an element's outline on the canvas (its rect, circle or polygon). */
  const strokeOf = (page: Page, id: string) => page.locator(`.djs-element[data-element-id="${id}"] .djs-visual > :is(rect, circle, polygon)`).first().evaluate((shape) => getComputedStyle(shape).stroke);

  it('after two steps shows the diagram with the path taken, the current step overdue in red, the clocks, the timeline and the documents', async () => {
    const started = await start('食品经营许可·老王面馆');
    await complete(started.id, 'clerk', { decision: 'accept', comment: '材料齐全，予以受理' });
    clock.advance(3600_000);
    await complete(started.id, 'clerk', { decision: 'pass', comment: '符合许可条件' });
    clock.advance(7 * DAY);

    const page = await signedInPage(browser, api.url, 'supervisor', `case.html?id=${started.id}`);
    await page.waitForSelector('#case-diagram[data-ready=true]');

    expect(await page.locator('.case-header h1').textContent()).toBe('食品经营许可·老王面馆');
    expect(await page.locator('.receipt-no').textContent()).toBe(started.receiptNo);
    expect(await page.locator('.status-badge').textContent()).toBe('办理中');

    expect(await page.locator('#case-diagram .djs-element').count()).toBeGreaterThan(10);
    const trail = await page.locator('#case-diagram .djs-element.trail').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-element-id')).sort());
    expect(trail).toEqual(['accept', 'accepted', 'acceptedYes', 'review', 'submitted', 'toAccept', 'toAccepted', 'toDecide']);
    expect(await page.locator('.djs-element[data-element-id="grantedEnd"].trail').count()).toBe(0);
    const decide = page.locator('.djs-element[data-element-id="decide"]');
    expect(await decide.getAttribute('class')).toEqual(expect.stringMatching(/\bcurrent\b.*\boverdue\b|\boverdue\b.*\bcurrent\b/));
    expect(await strokeOf(page, 'decide')).toBe('rgb(214, 69, 69)');
    expect(await strokeOf(page, 'accept')).toBe('rgb(47, 129, 50)');
    expect(await page.locator('.diagram-legend li').count()).toBe(5);

    const rows = page.locator('table.timeline tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const timeline = await rows.allTextContents();
    expect(timeline[0]).toContain('提交申请');
    const completed = await page.locator('table.timeline tr[data-action="task.completed"]').allTextContents();
    // staff by their names, not their usernames
    expect(completed).toEqual([expect.stringMatching(/张伟办理受理受理材料齐全，予以受理/), expect.stringMatching(/张伟办理审查通过符合许可条件/)]);
    expect(await page.locator('.case-facts').textContent()).toContain('申请人李明');
    expect(await page.locator('.opinions-panel li.opinion .opinion-head').first().textContent()).toContain('张伟');
    expect(await rows.first().locator('td.when').textContent()).toBe('2026-03-02 09:30');

    const stepClock = page.locator('.step-clock[data-step-id="decide"]');
    expect(await stepClock.getAttribute('data-state')).toBe('overdue');
    expect(await stepClock.textContent()).toContain('已超期');
    expect(await stepClock.textContent()).toContain('2个工作日');
    expect(await page.locator('.case-clock').textContent()).toContain('15个工作日');
    expect(await page.locator('.attachments-panel tbody tr').allTextContents()).toEqual([expect.stringContaining('申请书.pdf')]);
    expect(await page.locator('.opinions-panel li.opinion').count()).toBe(2);
    await screenshot(page, 'case-viewer-overdue');
    await page.context().close();
  });

  it('marks a step near its limit in yellow, and shows the applicant the path without the staff’s names', async () => {
    const started = await start('药品经营许可·仁心药房');
    await complete(started.id, 'clerk', { decision: 'accept' });
    const [review] = (await api.call('supervisor', 'GET', `/api/cases/${started.id}`)).body.currentSteps;
    clock.now = new Date(new Date(review.clock.warnAt).getTime() + 60_000);

    const page = await signedInPage(browser, api.url, 'applicant', `case.html?id=${started.id}`);
    await page.waitForSelector('#case-diagram[data-ready=true]');
    expect(await page.locator('.djs-element[data-element-id="review"]').getAttribute('class')).toContain('near-due');
    expect(await strokeOf(page, 'review')).toBe('rgb(240, 180, 41)');
    expect(await page.locator('#case-diagram .djs-element.trail').count()).toBe(6);
    expect(await page.locator('.step-clock[data-step-id="review"]').getAttribute('data-state')).toBe('warning');
    const rows = await page.locator('table.timeline tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.join('')).not.toContain('clerk');
    expect(await page.locator('main').textContent()).not.toContain('张伟');
    await screenshot(page, 'case-viewer-near-due');
    await page.context().close();
  });
});
