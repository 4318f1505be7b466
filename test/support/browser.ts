import { mkdirSync } from 'node:fs';
import { seriousViolations } from './accessibility';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { bpmn, passwordOf, startTestApi, type TestApi } from './test-govflow';
import { systemActor } from '../../engine';
import type { GovflowOptions } from '../../engine/options';

/** Where browser suites leave their screenshots (git-ignored). */
export const screenshotDir = join(__dirname, '..', '..', 'test-output', 'screenshots');

/** Debian's Chromium, headless, with nothing reaching beyond loopback. */
export const launchBrowser = launchChromium;

/** Opens `path` of the server signed in as `user` (with the test users' password, passwordOf); a desktop screen unless `device` says otherwise. */
export async function signedInPage(browser: Browser, baseUrl: string, user: string, path: string, locale: 'zh-CN' | 'en' = 'zh-CN', device: BrowserContextOptions = { viewport: { width: 1400, height: 900 } }): Promise<Page> {
  const context = await browser.newContext({ ...device, locale });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${path}: ${error.message}`));
  await page.goto(`${baseUrl}/${path}`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', passwordOf(user));
  await page.click('form.login button[type=submit]');
  await page.waitForSelector('header.app-header');
  return page;
}

/**
 * Saves a full-page screenshot under test-output/screenshots and answers its path. Every page a
 * suite photographs is also one axe-core checks: a serious or critical violation fails the suite there.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(`axe-core finds serious violations on the page of screenshot ${name}: ${JSON.stringify(violations, null, 1)}`);
  return path;
}

/**
 * Registers a browser suite's setup: a test API (with `options`, e.g. a settable clock) with the
 * shipped process `file` deployed, and Debian's Chromium; both closed after the suite. Read them
 * through the answer once it has run.
 */
export function useBrowserWithProcess(file: string, options: Partial<GovflowOptions> = {}): { api: TestApi; browser: Browser } {
  const suite = {} as { api: TestApi; browser: Browser };
  beforeAll(async () => {
    suite.api = await startTestApi(options);
    await suite.api.govflow.definitions.deploy(bpmn(file), systemActor);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser.close();
    await suite.api.close();
  });
  return suite;
}
