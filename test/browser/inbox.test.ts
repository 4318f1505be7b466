import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../engine';
import { attachment, DAY, TestClock } from '../scenarios/scenario-support';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';
import { timedApproval } from '../support/timed-approval';

/** A date-time as the pages show it: China time, 2026-03-09 17:30. */
function chinaTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

describe('the clerk inbox in headless Chromium', () => {
  const clock = new TestClock('2026-03-02T09:30:00+08:00');
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi({ now: () => clock.now });
    await api.govflow.definitions.deploy(timedApproval(), systemActor);
    await api.govflow.definitions.deploy(bpmn(join(__dirname, '..', 'api', 'fixtures', 'practice.bpmn')), systemActor);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
  });
  beforeEach(() => clock.set('2026-03-02T09:30'));

  async function start(processKey: string, title: string, attachments?: unknown[]): Promise<{ id: string; receiptNo: string }> {
    const response = await api.call('applicant', 'POST', '/api/cases', { processKey, title, data: {}, ...(attachments ? { attachments } : {}) });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function caseOf(id: string) {
    const response = await api.call('supervisor', 'GET', `/api/cases/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  const row = (page: Page, receiptNo: string) => page.locator(`#inbox-list tr.task-row[data-receipt="${receiptNo}"]`);

  it('shows a new case in the claimable list with its due date; the clerk opens, claims and completes 受理, and the case moves on', async () => {
    const started = await start('timed-approval', '食品经营许可·老王面馆', [attachment('营业执照.pdf'), attachment('经营场所证明.pdf')]);
    const [listed] = (await api.call('clerk', 'GET', '/api/tasks?scope=claimable')).body.items.filter((item: { caseId: string }) => item.caseId === started.id);
    expect(listed).toMatchObject({ name: '受理', urgency: 'running' });

    const page = await signedInPage(browser, api.url, 'clerk', 'inbox.html');
    await page.waitForSelector('#inbox-empty');
    expect(await page.locator('#inbox-empty').textContent()).toBe('暂无待办事项。');
    await page.click('.tabs [data-scope=claimable]');
    await row(page, started.receiptNo).waitFor();
    expect(await row(page, started.receiptNo).locator('td.due').textContent()).toContain(chinaTime(listed.due));
    expect(await row(page, started.receiptNo).locator('td.due').textContent()).toContain('5个工作日');
    expect(await row(page, started.receiptNo).getAttribute('class')).toContain('urgency-running');
    expect(await row(page, started.receiptNo).locator('.card').textContent()).toBe('正常');
    expect(await row(page, started.receiptNo).textContent()).toContain('受理');
    await screenshot(page, 'inbox-claimable');

    await row(page, started.receiptNo).locator('a.open-task').click();
    await page.waitForURL(new RegExp(`task=${encodeURIComponent(listed.id)}`));
    const detail = page.locator(`article.task-detail[data-task-id="${listed.id}"]`);
    await detail.waitFor();
    expect(await detail.locator('h2').textContent()).toBe('食品经营许可·老王面馆');
    expect(await detail.locator('dl.facts').textContent()).toContain(started.receiptNo);
    expect(await detail.locator('table.attachments tbody tr').allTextContents()).toEqual([expect.stringContaining('营业执照.pdf'), expect.stringContaining('经营场所证明.pdf')]);
    expect(await detail.locator('dl.clock-details').textContent()).toContain('5个工作日');
    expect(await page.locator('#complete-task').isDisabled()).toBe(true);

    await page.click('#claim-task');
    await page.waitForSelector('.flash .done[data-operation=claim]');
    await page.waitForSelector('#unclaim-task');
    expect(await row(page, started.receiptNo).count()).toBe(0);
    expect(await page.locator('.tabs [data-scope=mine]').textContent()).toBe('我的待办（1）');
    expect((await caseOf(started.id)).currentSteps[0].assignee).toBe('clerk');

    expect(await page.locator('#task-decision option').allTextContents()).toEqual(['— 请选择 —', '受理', '不予受理']);
    await page.selectOption('#task-decision', 'accept');
    await page.fill('#task-comment', '材料齐全，予以受理');
    await screenshot(page, 'inbox-task-open');
    await page.click('#complete-task');
    await page.waitForSelector('.flash .done[data-operation=complete]');
    await page.waitForSelector('article.task-detail[data-status=completed]');
    await page.click('.tabs [data-scope=mine]');
    await page.waitForSelector('#inbox-empty');
    expect(await row(page, started.receiptNo).count()).toBe(0);
    await screenshot(page, 'inbox-completed');

    const moved = await caseOf(started.id);
    expect(moved.currentSteps).toEqual([expect.objectContaining({ stepId: 'review', name: '审查' })]);
    expect(moved.history).toContainEqual(expect.objectContaining({ action: 'task.completed', stepName: '受理', actor: 'clerk', decision: 'accept', comment: '材料齐全，予以受理' }));

    await page.click('a.case-link');
    await page.waitForURL(new RegExp(`case\\.html\\?id=${started.id}`));
    await page.waitForSelector('#case-diagram[data-ready=true]');
    await page.context().close();
  });

  it('renders the step’s form from the model, shows a field-level error from the API next to its field, then completes', async () => {
    const started = await start('practice', '药品经营许可·仁心药房');
    const accept = (await caseOf(started.id)).currentSteps[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'accept' })).status).toBe(200);
    const assess = (await caseOf(started.id)).currentSteps[0];
    expect(assess.stepId).toBe('assess');

    const page = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${assess.taskId}`);
    const detail = page.locator(`article.task-detail[data-task-id="${assess.taskId}"]`);
    await detail.waitFor();
    expect(await detail.locator('fieldset.task-form legend').textContent()).toBe('办理表单');
    expect(await detail.locator('[data-field=amount] input[type=number]').getAttribute('max')).toBe('1000');
    expect(await detail.locator('[data-field=amount] input').getAttribute('required')).toBe('');
    expect(await detail.locator('[data-field=category] select option').allTextContents()).toEqual(['— 请选择 —', 'food', 'drug']);
    expect(await detail.locator('[data-field=summary] textarea').getAttribute('maxlength')).toBe('10');
    expect(await detail.locator('[data-field=visitDate] input').getAttribute('type')).toBe('date');
    expect(await detail.locator('[data-field=inspectors] textarea').count()).toBe(1);
    expect(await detail.locator('[data-field=amount] label').textContent()).toBe('投资额（万元） *');

    await page.click('#claim-task');
    await page.waitForSelector('#unclaim-task');

    // What the browser can check is shown before anything is sent.
    await page.click('#complete-task');
    await page.waitForSelector('[data-error-for="/data/amount"]:text("此项必填")');
    expect(await page.locator('[data-error-for="/decision"]').textContent()).toBe('此项必填');

    // The list's least count is the API's to check: a 422 names /data/inspectors.
    await page.fill('[data-field=amount] input', '120');
    await page.selectOption('[data-field=category] select', 'food');
    await page.fill('[data-field=visitDate] input', '2026-03-03');
    await page.fill('[data-field=inspectors] textarea', '张三');
    await page.selectOption('#task-decision', 'pass');
    await page.fill('#task-comment', '现场核查符合要求');
    await page.click('#complete-task');
    const inspectorsError = page.locator('[data-field=inspectors] [data-error-for="/data/inspectors"]');
    await inspectorsError.waitFor();
    expect(await inspectorsError.textContent()).toBe('must list at least 2');
    expect(await page.locator('[data-field=inspectors]').getAttribute('class')).toContain('has-error');
    expect(await page.locator('[data-error-for="/data/amount"]').textContent()).toBe('');
    expect(await page.locator('.form-errors').textContent()).toContain('请更正标出的问题');
    expect((await caseOf(started.id)).currentSteps[0].stepId).toBe('assess');
    await screenshot(page, 'inbox-field-error');

    await page.fill('[data-field=inspectors] textarea', '张三\n李四');
    await page.click('#complete-task');
    await page.waitForSelector('.flash .done[data-operation=complete]');
    await page.waitForSelector('article.task-detail[data-status=completed]');
    const moved = await caseOf(started.id);
    expect(moved.currentSteps).toEqual([expect.objectContaining({ stepId: 'decide' })]);
    expect(moved.history).toContainEqual(expect.objectContaining({ action: 'task.completed', stepName: '审查', decision: 'pass', comment: '现场核查符合要求' }));
    await page.context().close();
  });

  it('returns to a chosen step, copies, transfers, delegates and hands back, and urges through the action dialogs, with the API’s field errors in the dialog', async () => {
    const started = await start('timed-approval', '食品经营许可·王家烧烤');
    await api.call('clerk', 'POST', `/api/tasks/${(await caseOf(started.id)).currentSteps[0].taskId}/complete`, { decision: 'accept', comment: '予以受理' });
    const review = (await caseOf(started.id)).currentSteps[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${review.taskId}/claim`)).status).toBe(200);

    const page = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${review.taskId}`);
    await page.waitForSelector(`article.task-detail[data-task-id="${review.taskId}"]`);
    expect(await page.locator('.task-actions button').allTextContents()).toEqual(['退回', '转办', '委派', '抄送']);

    // 退回 to 受理, chosen among the steps the case passed.
    await page.click('.task-actions [data-operation=return]');
    const returnDialog = page.locator('dialog.action-dialog[open]');
    expect(await returnDialog.locator('select[name=to] option').allTextContents()).toEqual(['上一环节', '受理']);
    await returnDialog.locator('button[type=submit]').click();
    expect(await returnDialog.locator('[data-error-for="/reason"]').textContent()).toBe('此项必填');
    await returnDialog.locator('textarea[name=reason]').fill('经营场所证明不清晰');
    await returnDialog.locator('select[name=to]').selectOption('accept');
    await returnDialog.locator('button[type=submit]').click();
    // 退回 cannot be taken back: the dialog asks first, and nothing is sent until the clerk confirms
    expect(await returnDialog.locator('.confirm-question').textContent()).toBe('确认将办件退回至「受理」？退回后本环节即结束，由该环节重新办理。');
    expect((await caseOf(started.id)).currentSteps[0].stepId).toBe('review');
    expect(await returnDialog.locator('button[type=submit]').textContent()).toBe('确认提交');
    await returnDialog.locator('button[type=submit]').click();
    await page.waitForSelector('.flash .done[data-operation=return]');
    await page.waitForSelector('article.task-detail[data-status=cancelled]');
    const back = (await caseOf(started.id)).currentSteps[0];
    expect(back).toMatchObject({ stepId: 'accept', assignee: 'clerk' });
    expect((await caseOf(started.id)).history).toContainEqual(expect.objectContaining({ action: 'task.returned', comment: '→ 受理: 经营场所证明不清晰' }));
    await row(page, started.receiptNo).waitFor();

    // 抄送 and 转办 of the returned task; an applicant, or an unknown person, is named next to the field, in Chinese.
    await row(page, started.receiptNo).locator('a.open-task').click();
    await page.waitForSelector(`article.task-detail[data-task-id="${back.taskId}"]`);
    // the returned task says why it came back, in the task itself
    expect(await page.locator('.task-notes li[data-kind=returned]').textContent()).toMatch(/张伟 退回至「受理」：经营场所证明不清晰$/);
    await page.click('.task-actions [data-operation=copy]');
    const copy = page.locator('dialog.action-dialog[open]');
    await copy.locator('#dialog-users').fill('other-applicant');
    await copy.locator('button[type=submit]').click();
    expect(await copy.locator('[data-error-for="/users"]:not(:empty)').textContent()).toBe('没有名为“other-applicant”的工作人员');
    // the picker finds colleagues by name and never offers an applicant
    await copy.locator('#dialog-users').fill('');
    await copy.locator('#dialog-users').pressSequentially('刘');
    await copy.locator('.staff-option[data-username=clerk2]').click();
    expect(await copy.locator('.staff-chosen .chip').allTextContents()).toEqual(['刘洋×']);
    await copy.locator('#dialog-users').pressSequentially('applicant');
    await copy.locator('.staff-results li.muted').waitFor();
    expect(await copy.locator('.staff-results').textContent()).toBe('没有找到匹配的工作人员');
    await copy.locator('#dialog-users').fill('');
    expect(await copy.locator('select[name=groups] option[value="leader@market-bureau"]').textContent()).toBe('market-bureau分管领导');
    await copy.locator('select[name=groups]').selectOption(['leader@market-bureau']);
    await copy.locator('textarea[name=note]').fill('请知悉');
    await copy.locator('button[type=submit]').click();
    await page.waitForSelector('.flash .done[data-operation=copy]');
    expect((await api.call('clerk2', 'GET', '/api/cases?scope=copied')).body.items.map((item: { id: string }) => item.id)).toContain(started.id);
    expect((await caseOf(started.id)).history).toContainEqual(expect.objectContaining({ action: 'case.copied', comment: '→ clerk2, leader@market-bureau: 请知悉' }));

    await page.click('.task-actions [data-operation=transfer]');
    const transfer = page.locator('dialog.action-dialog[open]');
    await transfer.locator('#dialog-to').fill('nobody');
    await transfer.locator('textarea[name=reason]').fill('请协助办理');
    await transfer.locator('button[type=submit]').click();
    await transfer.locator('[data-error-for="/to"]:not(:empty)').waitFor();
    await screenshot(page, 'inbox-transfer-error');
    await transfer.locator('#dialog-to').fill('');
    await transfer.locator('#dialog-to').pressSequentially('刘洋');
    expect(await transfer.locator('.staff-option[data-username=clerk2]').textContent()).toBe('刘洋 clerk2 · market-bureau');
    await transfer.locator('.staff-option[data-username=clerk2]').click();
    await transfer.locator('button[type=submit]').click();
    await page.waitForSelector('.flash .done[data-operation=transfer]');
    expect(await page.locator('dialog.action-dialog').count()).toBe(0);
    expect((await caseOf(started.id)).currentSteps[0].assignee).toBe('clerk2');
    expect(await row(page, started.receiptNo).count()).toBe(0);
    await page.context().close();

    // 委派: clerk2 delegates to clerk, who works on it and hands it back.
    const holder = await signedInPage(browser, api.url, 'clerk2', `inbox.html?task=${back.taskId}`);
    await holder.waitForSelector(`article.task-detail[data-task-id="${back.taskId}"]`);
    await holder.click('.task-actions [data-operation=delegate]');
    await holder.locator('dialog.action-dialog[open] #dialog-to').fill('clerk');
    await holder.locator('dialog.action-dialog[open] textarea[name=note]').fill('请核对场所证明');
    await holder.locator('dialog.action-dialog[open] button[type=submit]').click();
    await holder.waitForSelector('.flash .done[data-operation=delegate]');
    await holder.context().close();
    const delegate = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${back.taskId}`);
    await delegate.waitForSelector('.task-detail .notice.delegated');
    expect(await delegate.locator('.task-detail .facts').textContent()).toContain('委派人刘洋');
    expect(await delegate.locator('.task-notes li[data-kind=delegated]').textContent()).toMatch(/刘洋 委派给 张伟 办理：请核对场所证明$/);
    expect(await delegate.locator('.task-actions button').allTextContents()).toEqual(['委派办毕交回', '抄送']);
    expect(await delegate.locator('#complete-task').isDisabled()).toBe(true);
    await delegate.click('.task-actions [data-operation=resolve]');
    await delegate.locator('dialog.action-dialog[open] textarea[name=comment]').fill('已核对');
    await delegate.locator('dialog.action-dialog[open] button[type=submit]').click();
    await delegate.waitForSelector('.flash .done[data-operation=resolve]');
    expect((await caseOf(started.id)).currentSteps[0].assignee).toBe('clerk2');
    await delegate.context().close();
    // the owner reads the delegate's comment in the task it got back
    const owner = await signedInPage(browser, api.url, 'clerk2', `inbox.html?task=${back.taskId}`);
    await owner.waitForSelector('.task-notes li[data-kind=resolved]');
    expect(await owner.locator('.task-notes li').allTextContents()).toEqual([
      expect.stringMatching(/张伟 退回至「受理」：经营场所证明不清晰$/),
      expect.stringMatching(/张伟 转办给 刘洋：请协助办理$/),
      expect.stringMatching(/刘洋 委派给 张伟 办理：请核对场所证明$/),
      expect.stringMatching(/张伟 委派办毕交回：已核对$/),
    ]);
    await owner.context().close();

    // 催办 is the leader's.
    const leader = await signedInPage(browser, api.url, 'leader', `inbox.html?task=${back.taskId}`);
    await leader.waitForSelector(`article.task-detail[data-task-id="${back.taskId}"]`);
    await leader.click('.task-actions [data-operation=urge]');
    await leader.locator('dialog.action-dialog[open] textarea[name=message]').fill('请尽快办理');
    await leader.locator('dialog.action-dialog[open] button[type=submit]').click();
    await leader.waitForSelector('.flash .done[data-operation=urge]');
    expect((await caseOf(started.id)).history).toContainEqual(expect.objectContaining({ action: 'task.urged', actor: 'leader', comment: '请尽快办理' }));
    await leader.context().close();
  });

  it('says so when someone else claimed the task meanwhile, and shows who holds it now', async () => {
    const started = await start('timed-approval', '食品经营许可·赵氏茶铺');
    const [task] = (await caseOf(started.id)).currentSteps;
    const page = await signedInPage(browser, api.url, 'clerk', `inbox.html?scope=claimable&task=${task.taskId}`);
    await page.waitForSelector('#claim-task');
    expect((await api.call('clerk2', 'POST', `/api/tasks/${task.taskId}/claim`)).status).toBe(200);
    await page.click('#claim-task');
    await page.waitForSelector('.flash .error[role=alert]');
    // in words the page has for the server's reason, not its English message
    expect(await page.locator('.flash .error').textContent()).toMatch(/“[^”]+”已由 clerk2 签收/);
    await page.waitForSelector('.task-detail .notice:text("此事项由 刘洋 办理。")');
    expect(await row(page, started.receiptNo).count()).toBe(0);
    expect(await page.locator('#complete-task').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('puts an overdue task first with a red card, and switches to English', async () => {
    const late = await start('timed-approval', '逾期件·张记小吃');
    clock.advance(14 * DAY);
    const fresh = await start('timed-approval', '新件·李记包子');

    const page = await signedInPage(browser, api.url, 'clerk2', 'inbox.html?scope=claimable');
    await row(page, fresh.receiptNo).waitFor();
    const lateRow = row(page, late.receiptNo);
    expect(await lateRow.getAttribute('class')).toContain('urgency-overdue');
    expect(await lateRow.locator('.card').textContent()).toBe('已超期');
    expect(await lateRow.locator('.card').evaluate((card) => getComputedStyle(card).backgroundColor)).toBe('rgb(180, 35, 24)');
    expect(await lateRow.locator('td.state').textContent()).toMatch(/超期 \d+天/);
    expect(await row(page, fresh.receiptNo).getAttribute('class')).toContain('urgency-running');
    const order = await page.locator('#inbox-list tr.task-row').evaluateAll((rows) => rows.map((element) => (element as HTMLElement).dataset.receipt));
    expect(order.indexOf(late.receiptNo)).toBeLessThan(order.indexOf(fresh.receiptNo));
    expect(order.indexOf(late.receiptNo)).toBe(0);
    await screenshot(page, 'inbox-overdue');

    await page.click('#language-switch');
    await page.waitForSelector('.tabs [data-scope=claimable]:text("To claim")');
    expect(await row(page, late.receiptNo).locator('.card').textContent()).toBe('Overdue');
    await page.context().close();
  });
});
