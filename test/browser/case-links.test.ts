import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DeadlineWorker } from '../../engine';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

const fixture = (name: string) => bpmn(join(__dirname, '..', 'calls', 'fixtures', name));

/** The case viewer shows what a case is tied to: the case that called it, the case it calls, in Chinese, each a link. */
describe('linked cases on the case viewer in headless Chromium', () => {
  let api: TestApi;
  let worker: DeadlineWorker;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    for (const name of ['site-inspection.bpmn', 'food-license.bpmn']) expect((await api.call('designer', 'POST', '/api/definitions', fixture(name))).status).toBe(201);
    worker = DeadlineWorker.start(api.govflow);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  it('links a licence to its inspection case and back', async () => {
    // given a licence accepted at the window, which calls 现场核查
    const parentId = (await api.call('applicant', 'POST', '/api/cases', { processKey: 'food-license', title: '幸福路 9 号 食品经营许可', data: { address: '幸福路 9 号', applicantName: '李四' } })).body.id as string;
    const accept = (await api.call('admin', 'GET', `/api/cases/${parentId}`)).body.currentSteps[0].taskId;
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept}/complete`, {})).status).toBe(200);
    const parent = (await api.call('admin', 'GET', `/api/cases/${parentId}`)).body;
    const childId = parent.children[0].caseId as string;
    for (let tries = 0; (await api.call('admin', 'GET', `/api/cases/${childId}`)).status !== 200 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));

    // when the supervisor opens the licence, the child is linked
    const page = await signedInPage(browser, api.url, 'supervisor', `case.html?id=${parentId}`);
    const child = page.locator('.links-panel li.child-case');
    await child.waitFor();
    expect(await page.locator('.links-panel h2').textContent()).toBe('关联办件与外部办理');
    expect(await child.textContent()).toBe('“现场核查”的子办件： 查看');
    await screenshot(page, 'case-links-parent');

    // and following the link shows the inspection case, linked back by the licence's receipt number
    await child.locator('a').click();
    const back = page.locator('.links-panel li.parent-case');
    await back.waitFor();
    expect(await back.textContent()).toBe(`由办件调用： ${parent.receiptNo}`);
    expect(new URL(page.url()).searchParams.get('id')).toBe(childId);
    await page.context().close();
  });
});
