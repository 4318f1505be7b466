import type { Browser } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser';
import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

describe('the web session in headless Chromium: out of page scripts\' reach, shared by tabs', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    // a two-second access token, so the test sees the page refresh its session by itself
    api = await startTestApi({}, { accessTokenTtlSeconds: 2 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  it('holds no token a page script can read, signs in a second tab, refreshes by itself, and signs out every tab', async () => {
    // given a clerk signed in on the inbox
    const page = await signedInPage(browser, api.url, 'clerk', 'inbox.html');
    const visible = await page.evaluate(() => ({
      cookie: document.cookie,
      stored: [...Object.values({ ...localStorage }), ...Object.values({ ...sessionStorage })].join(' '),
    }));
    // then the page sees only the CSRF token: no JWT, no refresh token, in cookies or storage
    expect(visible.cookie).toMatch(/^govflow_csrf=[\w-]+$/);
    expect(visible.stored).not.toMatch(/eyJ|govflow_(access|refresh)/);
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'govflow_access')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(cookies.find((cookie) => cookie.name === 'govflow_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });

    // when a second tab opens the app, it is signed in without the form
    const second = await page.context().newPage();
    await second.goto(`${api.url}/inbox.html`);
    await second.waitForSelector('header.app-header .who');
    expect(await second.locator('header.app-header .who').textContent()).toBe('张伟');
    expect(await second.locator('form.login').count()).toBe(0);

    // when the access cookie has run out, a page still loads and acts: the session is refreshed
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await second.reload();
    await second.waitForSelector('header.app-header .who');
    expect(await second.locator('form.login').count()).toBe(0);

    // when the clerk signs out in one tab, the other is signed out too
    await page.click('header.app-header button:text("退出")');
    await page.waitForSelector('form.login');
    await second.reload();
    await second.waitForSelector('form.login');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual([]);
    await page.context().close();
  });

  it('tells a disabled user so at sign-in, in Chinese', async () => {
    await api.call('admin', 'POST', '/api/users/clerk2/disable');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.url}/inbox.html`);
    await page.fill('input[name=username]', 'clerk2');
    await page.fill('input[name=password]', passwordOf('clerk2'));
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('text=该账号已停用，请联系管理员');
    await context.close();
  });
});
