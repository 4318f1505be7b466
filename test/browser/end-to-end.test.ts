import type { Browser } from 'playwright-core';
import { systemActor } from '../../engine';
import type { DeadlineJob } from '../../engine/deadlines';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { addUserTaskOnFlow, fillEntry, openLicensingModel } from '../support/modeler-page';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';
import { addScenarioStaff, attachment, scenario, TestClock, type Scenario } from '../scenarios/scenario-support';

const DAY = 24 * 3600_000;

/**
 * The chain across every page, in one headless Chromium: a designer adds a step to the
 * licensing model in the modeler and deploys; a case reaches that step through the API; the case
 * viewer shows the path taken and the step highlighted; the step runs late and the supervision
 * board shows its red card; the clerk completes it from the inbox with the form from the model.
 */
describe('from the modeler to the inbox, the case viewer and the supervision board', () => {
  const clock = new TestClock('2026-03-02T09:30:00+08:00');
  let api: TestApi;
  let s: Scenario;
  let browser: Browser;
  let caseId: string;
  let stepId: string;
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock.now });
    await addScenarioStaff(api);
    await api.govflow.definitions.deploy(bpmn('licensing-general.bpmn'), systemActor);
    s = scenario(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });

  it('a designer adds an archiving step with its department, role, 3-working-day limit and form, and deploys', async () => {
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    await openLicensingModel(page);
    stepId = await addUserTaskOnFlow(page, 'toFinishedEnd');
    await page.waitForSelector('[data-group-id="group-govflow"]');
    await fillEntry(page, 'name', '归档');
    await page.click('[data-entry-id="govflow-candidateGroups"] .bio-properties-panel-add-entry');
    await page.selectOption('#bio-properties-panel-govflow-candidateGroups-0-department', 'market-bureau');
    await page.selectOption('#bio-properties-panel-govflow-candidateGroups-0-role', 'licensing-section');
    await fillEntry(page, 'govflow-timeLimit-amount', '3');
    await page.selectOption('#bio-properties-panel-govflow-timeLimit-unit', 'WD');
    await page.click('[data-group-id="group-govflow-form"] .bio-properties-panel-add-entry');
    await fillEntry(page, 'govflow-form-0-name', 'archiveNo');
    await fillEntry(page, 'govflow-form-0-label', '档案号');
    // field types read in words, not as the engine's names
    expect(await page.locator('[data-entry-id="govflow-form-0-type"] option').allTextContents()).toEqual(['单行文本', '多行文本', '数字', '整数', '是 / 否', '日期', '单选（从选项中选一项）', '多项列表', '需补正的材料（一次性告知）']);
    await page.click('[data-entry-id="govflow-form-0-required"] input');
    await page.waitForTimeout(600);
    await page.waitForFunction(() => document.querySelectorAll('.modeler-problems .problem.error').length === 0);
    await page.click('button.deploy');
    await page.waitForSelector('.modeler-status.ok');
    await screenshot(page, 'e2e-1-modeler-deployed');
    expect(await page.locator('.modeler-canvas .djs-element').count()).toBeGreaterThan(10);
    const deployed = (await api.call('designer', 'GET', '/api/definitions/licensing-general/versions/2')).body.xml as string;
    expect(deployed).toMatch(new RegExp(`<bpmn:userTask id="${stepId}"[^>]*govflow:timeLimit="3WD"`));
    expect(deployed).toContain('<govflow:field name="archiveNo" label="档案号"');
    await page.context().close();
  });

  it('a case started through the API reaches the new step, and the case viewer shows the path taken and the step highlighted', async () => {
    const materials = ['application-form', 'business-licence', 'premises-proof'].map((material) => ({ ...attachment(`${material}.pdf`), material }));
    const started = await s.start('licensing-general', '食品经营许可·归档演示', { applicantName: '某某餐饮有限公司', businessScope: '热食类食品制售' }, 'applicant', materials);
    caseId = started.id;
    await s.done('clerk2', caseId, 'accept', { decision: 'accept', comment: '予以受理' });
    await s.done('clerk', caseId, 'review', { decision: 'pass', comment: '符合条件' });
    await s.done('chief', caseId, 'check', { decision: 'pass', comment: '同意' });
    await s.done('leader', caseId, 'decide', { decision: 'grant', comment: '准予许可' });
    await s.done('clerk2', caseId, 'issue', { decision: 'issued' });
    expect((await s.steps(caseId)).map((step) => step.stepId)).toEqual([stepId]);

    const page = await signedInPage(browser, api.url, 'supervisor', `case.html?id=${caseId}`);
    await page.waitForSelector('#case-diagram[data-ready=true]');
    expect(await page.locator('#case-diagram .djs-element').count()).toBeGreaterThan(10);
    const trail = await page.locator('#case-diagram .djs-element.trail').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-element-id')));
    expect(trail).toEqual(expect.arrayContaining(['accept', 'review', 'check', 'decide', 'issue']));
    expect(await page.locator(`.djs-element[data-element-id="${stepId}"]`).getAttribute('class')).toContain('current');
    expect(await page.locator('table.timeline tbody tr').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'e2e-2-case-viewer');
    await page.context().close();
  });

  it('the step runs late: the supervision board shows its red card', async () => {
    const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const job = jobs.map((queued) => queued.data as DeadlineJob).find((data) => data.caseId === caseId && data.level === 'red' && data.clockKey.includes(stepId));
    if (!job) throw new Error(`no red deadline job for the new step: ${JSON.stringify(jobs.map((queued) => queued.data))}`);
    clock.now = new Date(job.at + DAY);
    expect(await api.govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });

    const page = await signedInPage(browser, api.url, 'supervisor', 'supervision.html');
    const row = page.locator('table.sup-alerts tbody tr', { hasText: '食品经营许可·归档演示' });
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('red');
    expect(await row.textContent()).toContain('归档');
    await screenshot(page, 'e2e-3-supervision-red-card');
    await page.context().close();
  });

  it('the clerk sees the late step in the inbox and completes it with the form from the model', async () => {
    const task = (await s.steps(caseId))[0];
    const page = await signedInPage(browser, api.url, 'clerk', 'inbox.html?scope=claimable');
    const row = page.locator(`#inbox-list tr.task-row[data-receipt]`, { hasText: '归档' });
    await row.waitFor();
    expect(await row.locator('.card').getAttribute('class')).toContain('overdue');
    await row.locator('a.open-task').click();
    const detail = page.locator(`article.task-detail[data-task-id="${task.taskId}"]`);
    await detail.waitFor();
    expect(await detail.locator('[data-field=archiveNo] label').textContent()).toBe('档案号 *');
    await page.click('#claim-task');
    await page.waitForSelector('#unclaim-task');
    await page.fill('[data-field=archiveNo] input', 'DA-2026-0001');
    await page.fill('#task-comment', '已归档');
    await page.click('#complete-task');
    await page.waitForSelector('article.task-detail[data-status=completed]');
    await screenshot(page, 'e2e-4-inbox-completed');
    const view = await s.view(caseId);
    expect(view.status).toBe('completed');
    expect(view.opinions.at(-1)).toMatchObject({ stepId, text: '已归档' });
    await page.context().close();
  });
});
