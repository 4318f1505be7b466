import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

describe('the web application shell in headless Chromium', () => {
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

  it('signs in and shows the pages the role may use, in Chinese by default', async () => {
    const page = await signedInPage(browser, api.url, 'clerk', 'index.html');
    await page.waitForURL(/inbox\.html$/);
    const links = await page.locator('header nav a').allTextContents();
    expect(links).toEqual(['待办事项', '电子监察']);
    await screenshot(page, 'shell-clerk');
    await page.context().close();
  });

  it('refuses a wrong password with a message, and switches to English', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.url}/modeler.html`);
    await page.fill('input[name=username]', 'designer');
    await page.fill('input[name=password]', 'wrong');
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('text=用户名或密码错误');
    await page.fill('input[name=password]', passwordOf('designer'));
    await page.click('form.login button[type=submit]');
    await page.click('#language-switch');
    await page.waitForSelector('header nav a:text("Modeler")');
    expect(await page.locator('header nav a').allTextContents()).toEqual(['Modeler']);
    await context.close();
  });

  it('tells someone who failed to sign in too often how long to wait, in Chinese', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.url}/index.html`);
    await page.fill('input[name=username]', 'leader');
    for (let i = 0; i < 6; i++) {
      await page.fill('input[name=password]', `wrong ${i}`);
      await page.click('form.login button[type=submit]');
      await page.waitForSelector(i < 5 ? 'text=用户名或密码错误' : 'text=/^登录失败次数过多，请 \\d+ 秒后再试$/');
      await page.locator('form.login [role=alert]').evaluate((line) => (line.textContent = ''));
    }
    await context.close();
  });

  it('tells a role that may not use a page so, instead of showing it', async () => {
    const page = await signedInPage(browser, api.url, 'designer', 'inbox.html');
    await page.waitForSelector('[role=alert]');
    expect(await page.locator('[role=alert]').textContent()).toBe('您的角色无权使用此页面。');
    await page.context().close();
  });
});
