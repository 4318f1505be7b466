import type { Browser } from 'playwright-core';
import { systemActor } from '../../engine';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { countersignProcess } from '../support/countersign-process';
import { startTestApi, type TestApi } from '../support/test-govflow';

describe('withdraw (撤回) and add signer (加签) from the inbox in headless Chromium', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    await api.govflow.definitions.deploy(countersignProcess('sign-vote', { rule: 'vote', signers: 'clerk,clerk2', sequential: true }), systemActor);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  const steps = async (caseId: string) => (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps as Array<{ taskId: string; stepId: string; assignee: string | null }>;

  it('takes back a step the clerk completed while the next one is untouched', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '撤回演示', data: {} });
    const accept = (await steps(started.body.id))[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'accept' })).status).toBe(200);
    const page = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${accept.taskId}`);
    await page.waitForSelector('article.task-detail[data-status=completed]');
    await page.click('button.action-withdraw');
    await page.locator('dialog.action-dialog[open] textarea[name=reason]').fill('受理意见有误');
    await page.locator('dialog.action-dialog[open] button[type=submit]').click();
    await page.waitForFunction(() => document.querySelectorAll('dialog.action-dialog[open]').length === 0);
    await screenshot(page, 'inbox-withdrawn');
    expect(await steps(started.body.id)).toEqual([expect.objectContaining({ stepId: 'accept', assignee: 'clerk' })]);
    await page.context().close();
  });

  it('adds a signer after the clerk in a countersign', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'sign-vote', title: '加签演示', data: {} });
    await api.call('clerk', 'POST', `/api/tasks/${(await steps(started.body.id))[0].taskId}/complete`, {});
    const signing = (await steps(started.body.id))[0];
    expect(signing).toMatchObject({ stepId: 'sign', assignee: 'clerk' });
    const page = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${signing.taskId}`);
    await page.waitForSelector('button.action-add-signer');
    await page.click('button.action-add-signer');
    await page.locator('dialog.action-dialog[open] #dialog-signer').pressSequentially('郑');
    await page.locator('dialog.action-dialog[open] .staff-option[data-username=leader]').click();
    await page.locator('dialog.action-dialog[open] select[name=position]').selectOption('after');
    await page.locator('dialog.action-dialog[open] button[type=submit]').click();
    await page.waitForFunction(() => document.querySelectorAll('dialog.action-dialog[open]').length === 0);
    await screenshot(page, 'inbox-signer-added');
    const view = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body;
    expect(view.countersigns[0].signers).toEqual(['clerk', 'leader', 'clerk2']);
    await page.context().close();
  });
});
