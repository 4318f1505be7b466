import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { launchBrowser, screenshot } from '../support/browser';
import { freePort, startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider';
import { startTestApi, type TestApi } from '../support/test-govflow';

/**
 * Unified sign-in (统一身份认证) end to end in headless Chromium against a real OpenID provider
 * (oidc-provider in its own process): an applicant of the public signs in there and gets an
 * applicant account of their own, the same one each time; a clerk signs in as the account an
 * administrator linked to their subject; a disabled account and a flow that did not start here
 * are refused with the reason in Chinese, and nobody is signed in.
 */
describe('signing in through the OpenID provider in headless Chromium', () => {
  let api: TestApi;
  let provider: TestIdentityProvider;
  let browser: Browser;

  beforeAll(async () => {
    const [apiPort, providerPort] = [await freePort(), await freePort()];
    const redirectUri = `http://127.0.0.1:${apiPort}/api/auth/oidc/callback`;
    provider = await startIdentityProvider(providerPort, redirectUri, { 'citizen-330102': '王芳' });
    api = await startTestApi({}, { port: apiPort, oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.close();
  });

  /** A fresh browser that reaches nothing beyond this machine (the provider's development pages ask for a web font). */
  async function freshContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    return context;
  }

  /** Opens `path`, chooses 统一身份认证登录 on the sign-in form and signs in at the provider as `subject`. */
  async function signInAtProvider(context: BrowserContext, path: string, subject: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${api.url}/${path}`);
    const button = page.locator('form.login a.oidc-sign-in');
    await button.waitFor();
    expect(await button.textContent()).toBe('统一身份认证登录');
    await button.click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.fill('input[name=login]', subject);
    await page.fill('input[name=password]', 'any password the development provider takes');
    await page.click('button[type=submit]');
    // the provider asks to confirm what govflow may read, once per subject
    await page.locator('button[autofocus]').click();
    await page.waitForURL(`${api.url}/**`);
    return page;
  }

  const sessionOf = (page: Page) => page.evaluate(async () => (await fetch('/api/auth/session')).json());

  it('signs an applicant in as an applicant account of their own, the same one every time', async () => {
    const first = await freshContext();
    const page = await signInAtProvider(first, 'hall.html#services', 'citizen-330102');
    expect(page.url()).toBe(`${api.url}/hall.html#services`);
    await page.waitForSelector('.hall-view h1');
    expect(await page.locator('.hall-view h1').textContent()).toBe('网上办事大厅');
    const session = await sessionOf(page);
    expect(session).toMatchObject({ roles: ['applicant'], department: null, groups: [] });
    expect(session.username).toMatch(/^oidc-[0-9a-f]{20}$/);
    const account = await api.call('admin', 'GET', `/api/users/${session.username}`);
    expect(account.body).toMatchObject({ name: '王芳', roles: ['applicant'], disabled: false });
    const trail = await api.call('admin', 'GET', `/api/users/${session.username}/audit`);
    expect(trail.body.items.map((entry: { action: string; actor: string }) => [entry.action, entry.actor])).toEqual([['user.created', 'system']]);
    await screenshot(page, 'oidc-applicant-signed-in');
    await first.close();

    const again = await freshContext();
    const second = await signInAtProvider(again, 'hall.html', 'citizen-330102');
    await second.waitForSelector('.hall-view h1');
    expect((await sessionOf(second)).username).toBe(session.username);
    await again.close();
  });

  it("signs a clerk in as the account an administrator linked to their subject, and refuses a subject that is another's", async () => {
    expect((await api.call('admin', 'PUT', '/api/users/clerk/identity', { subject: 'staff-zhangwei' })).body).toMatchObject({ username: 'clerk', subject: 'staff-zhangwei' });
    const taken = await api.call('admin', 'PUT', '/api/users/leader/identity', { subject: 'staff-zhangwei' });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain('linked to user clerk');
    expect((await api.call('clerk', 'PUT', '/api/users/clerk/identity', { subject: 'staff-zhangwei' })).status).toBe(403);
    const context = await freshContext();
    const page = await signInAtProvider(context, 'inbox.html', 'staff-zhangwei');
    expect(page.url()).toBe(`${api.url}/inbox.html`);
    expect(await sessionOf(page)).toMatchObject({ username: 'clerk', roles: ['clerk'], department: 'market-bureau' });
    await page.waitForSelector('.app-header .who');
    expect(await page.locator('.app-header .who').textContent()).toBe('张伟');
    await context.close();
    const trail = await api.call('admin', 'GET', '/api/users/clerk/audit');
    expect(trail.body.items.at(-1)).toMatchObject({ action: 'user.identity-linked', actor: 'admin' });
  });

  it('refuses a disabled account and a sign-in that did not start here, saying why, with nobody signed in', async () => {
    expect((await api.call('admin', 'PUT', '/api/users/leader/identity', { subject: 'staff-leader' })).status).toBe(200);
    expect((await api.call('admin', 'POST', '/api/users/leader/disable')).status).toBe(200);
    const context = await freshContext();
    const page = await signInAtProvider(context, 'inbox.html', 'staff-leader');
    expect(page.url()).toBe(`${api.url}/index.html?signInError=disabled`);
    await page.waitForSelector('form.login');
    expect(await page.locator('form.login .error').textContent()).toBe('该账号已停用，请联系管理员');
    expect((await page.evaluate(async () => (await fetch('/api/auth/session')).status))).toBe(401);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'oidc-refused');

    // a callback with no flow of this browser's behind it
    await page.goto(`${api.url}/api/auth/oidc/callback?code=forged&state=forged`);
    expect(page.url()).toBe(`${api.url}/index.html?signInError=expired`);
    expect(await page.locator('form.login .error').textContent()).toBe('登录已超时，请重新登录。');
    // the button brings the person back to the page they were on, not to the failure
    expect(await page.locator('a.oidc-sign-in').getAttribute('href')).toBe('/api/auth/oidc/start?return=%2Findex.html');
    await context.close();
    expect((await api.call('admin', 'POST', '/api/users/leader/enable')).status).toBe(200);
  });
});
