import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../engine';
import { launchBrowser, signedInPage } from '../support/browser';
import { openLicensingModel } from '../support/modeler-page';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Every CSP refusal the page meets, from the browser's console and from securitypolicyviolation events. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.context().addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => [...logged, ...((await page.evaluate(() => window.cspViolations)) ?? [])];
}

describe('the pages under their Content Security Policy, in headless Chromium', () => {
  let api: TestApi;
  let browser: Browser;
  let caseId: string;
  beforeAll(async () => {
    api = await startTestApi();
    await api.govflow.definitions.deploy(bpmn('licensing-general.bpmn'), systemActor);
    caseId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '内容安全策略', data: {} })).body.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  it('the modeler draws a model and its properties with no CSP violation', async () => {
    const page = await signedInPage(browser, api.url, 'designer', 'index.html');
    const violations = await watchViolations(page);
    await page.goto(`${api.url}/modeler.html`);
    await openLicensingModel(page);
    await page.click('.modeler-canvas .djs-element.djs-shape >> nth=1');
    await page.waitForSelector('.bio-properties-panel');
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('the inbox, the supervision board and the case viewer load with no CSP violation', async () => {
    const page = await signedInPage(browser, api.url, 'clerk', 'index.html');
    const violations = await watchViolations(page);
    await page.goto(`${api.url}/inbox.html`);
    await page.click('.tabs [data-scope=claimable]');
    await page.locator('#inbox-list tr.task-row').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.goto(`${api.url}/supervision.html`);
    await page.waitForSelector('table.sup-alerts, p.sup-empty');
    expect(await violations()).toEqual([]);
    await page.goto(`${api.url}/case.html?id=${caseId}`);
    await page.waitForSelector('#case-diagram[data-ready=true]');
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
