import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-govflow';

/** The staff's bell in the header of every page: the count of what came since they looked, the latest in a panel linked to their cases. */
describe('the notification bell in headless Chromium', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  it('counts a transfer and an urge, lists them in words with their case, and is cleared by looking', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '食品经营许可·铃', data: {} });
    const task = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
    await api.call('clerk', 'POST', `/api/tasks/${task}/claim`);
    await api.call('clerk', 'POST', `/api/tasks/${task}/transfer`, { to: 'clerk2', reason: '请协助' });
    await api.call('leader', 'POST', `/api/tasks/${task}/urge`, { message: '请今日办结' });

    const page = await signedInPage(browser, api.url, 'clerk2', 'inbox.html');
    await page.waitForSelector('#notification-bell .bell-badge:not([hidden])');
    expect(await page.locator('#notification-bell .bell-count').textContent()).toBe('2');
    // what a screen reader says holds what is seen
    expect(await page.locator('#notification-bell').textContent()).toBe('通知2条未读');

    await page.click('#notification-bell');
    await page.waitForSelector('#bell-panel ul.bell-list');
    expect(await page.locator('#bell-panel li strong').allTextContents()).toEqual(['催办', '转办给我']);
    expect(await page.locator('#bell-panel li[data-kind="task.urged"] p').textContent()).toContain('请今日办结');
    // who acted, by name: the words of the notification name no account
    expect(await page.locator('#bell-panel li[data-kind="task.urged"] .muted').textContent()).toContain('郑国强');
    expect(await page.locator('#bell-panel li[data-kind="task.transferred"] .muted').textContent()).toContain('张伟');
    expect(await page.locator('#bell-panel').textContent()).not.toMatch(/\bclerk\b|\bleader\b/);
    expect(await page.locator('#bell-panel li a').first().getAttribute('href')).toBe(`case.html?id=${started.body.id}`);
    await page.waitForSelector('#notification-bell .bell-badge[hidden]', { state: 'attached' });
    await screenshot(page, 'notification-bell');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await page.locator('#bell-panel').isHidden()).toBe(true);
    await page.reload();
    await page.waitForSelector('#notification-bell');
    await page.waitForTimeout(500);
    expect(await page.locator('#notification-bell .bell-badge').isHidden()).toBe(true);
    await page.context().close();

    // the applicant's hall has its own notifications page, not the staff's bell
    const hall = await signedInPage(browser, api.url, 'applicant', 'hall.html');
    await hall.waitForSelector('.app-header .who');
    expect(await hall.locator('#notification-bell').count()).toBe(0);
    await hall.context().close();
  });
});
