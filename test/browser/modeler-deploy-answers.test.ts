import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-govflow';

/** A fixture of this suite (test/browser/fixtures), as the file a user picks. */
function fixture(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/xml', buffer: readFileSync(join(__dirname, 'fixtures', name)) };
}

/** The page's errors, collected so a test can say there were none. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Imports `name` from the process list, as a designer does, and waits for its diagram. */
async function importFromList(page: Page, name: string, shapeId: string): Promise<void> {
  await page.waitForSelector('button.new-process');
  await page.setInputFiles('.modeler-list input[type=file]', fixture(name));
  await page.waitForSelector(`.modeler-canvas .djs-shape[data-element-id="${shapeId}"]`);
}

/** Clicks the deploy button and answers the status line once the server's answer replaced what it said before. */
async function deployFromPage(page: Page): Promise<string> {
  const status = page.locator('.modeler-status');
  const before = await status.textContent();
  await page.click('button.deploy');
  await page.waitForFunction((previous) => {
    const text = document.querySelector('.modeler-status')?.textContent ?? '';
    return text !== '' && text !== previous;
  }, before);
  return (await status.textContent()) ?? '';
}

function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.govflowModeler?.get('selection').get().map((element: { id: string }) => element.id));
}

describe('the modeler showing what the server answered to a deploy, in headless Chromium', () => {
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

  it('lists a task nobody in the directory can act on under 部署提示, selecting it, until the next deploy or another model', async () => {
    // given a model whose 审核 task names chief@market-bureau, a group none of the suite's users holds, and whose end event has no name
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    const errors = pageErrors(page);
    await importFromList(page, 'deploy-unstaffed-task.bpmn', 'review');
    await page.locator('.problem-list.lint li.problem.warn[data-element-id="end"]').waitFor();
    expect(await page.locator('.modeler-problems .deploy-notes').count()).toBe(0);

    // when the designer deploys it
    const status = await deployFromPage(page);

    // then it is deployed, and the warning only the server could give is listed in Chinese with the task's name
    expect(status).toBe('已部署为第 1 版（2 个警告）');
    const notes = page.locator('.modeler-problems .deploy-notes');
    expect(await notes.locator('h3').textContent()).toBe('部署提示 1 条');
    const note = notes.locator('.problem-list.deploy li.problem.warn[data-element-id="review"]');
    expect(await note.locator('.element').textContent()).toBe('审核（review）');
    expect(await note.locator('.message').textContent()).toBe('目前没有人能办理“审核”：没有人持有 chief@market-bureau 岗位。请在用户目录中添加人员，或改为有人持有的岗位');
    // the style warning the live lint lists already is not repeated there
    expect(await notes.locator('li.problem').count()).toBe(1);
    expect(await page.locator('.problem-list.lint li.problem.warn[data-element-id="end"]').count()).toBe(1);
    await screenshot(page, 'modeler-deploy-notes');

    // when the designer clicks the warning, the task is selected
    await page.evaluate(() => window.govflowModeler?.get('selection').select([]));
    await note.locator('button').click();
    expect(await selectedIds(page)).toEqual(['review']);

    // when the same file is imported over it, the deploy's answer is gone; deploying it again brings it back
    await page.setInputFiles('.modeler-toolbar input[type=file]', fixture('deploy-unstaffed-task.bpmn'));
    await page.waitForFunction(() => document.querySelector('.modeler-status')?.textContent === '');
    expect(await notes.count()).toBe(0);
    expect(await deployFromPage(page)).toBe('与第 1 版相同，未生成新版本（2 个警告）');
    expect(await note.count()).toBe(1);

    // when the designer gives the task a role someone holds and deploys again, the warning is gone
    await note.locator('button').click();
    await page.waitForSelector('#bio-properties-panel-govflow-candidateGroups-0-role');
    await page.selectOption('#bio-properties-panel-govflow-candidateGroups-0-role', 'licensing-section');
    expect(await deployFromPage(page)).toBe('已部署为第 2 版（1 个警告）');
    expect(await notes.count()).toBe(0);
    const version = await api.call('designer', 'GET', '/api/definitions/deploy-unstaffed/versions/2');
    expect(version.body.xml).toContain('govflow:candidateGroups="licensing-section@market-bureau"');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses a model with a service task that names no topic: the live lint and the refusal name the element in Chinese, and nothing is deployed', async () => {
    // given a model with a service task no worker could fetch (no topic), a timer written in words and a condition in plain text
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    await importFromList(page, 'deploy-service-task.bpmn', 'verify');

    // then the live lint already says why govflow would not run them
    const live = (id: string) => page.locator(`.problem-list.lint li.problem.error[data-element-id="${id}"] .message`);
    await live('verify').waitFor();
    expect(await live('verify').textContent()).toBe('服务任务“核验证照”没有指定主题（topic）：这一步由其他部门的系统作为外部任务来办，请设置 govflow:topic（或 camunda:type="external" 加 camunda:topic），如 govflow:topic="credit-check"');
    expect(await live('wait').textContent()).toBe('定时器的持续时间（timeDuration）“三天”不是 ISO 8601 时长（如 PT10M、P3D）或法定时限（如 3WD）');
    expect(await live('toApproved').textContent()).toBe('条件“approved”是普通文字，这条顺序流将始终被选中：请写成 ${…}（如 ${approved}），或以 = 开头的 FEEL 表达式（如 = approved）');

    // when the designer deploys it anyway
    const status = await deployFromPage(page);

    // then the status says it was not deployed, and the refusal lists each element in Chinese
    expect(status).toMatch(/^服务器拒绝部署：/);
    expect(await page.locator('.modeler-status.error').count()).toBe(1);
    expect(await page.locator('.modeler-meta .deployed').textContent()).toBe('尚未部署');
    const refused = page.locator('.server-refusal li.problem.error[data-element-id="verify"]');
    expect(await refused.locator('.element').textContent()).toBe('核验证照（verify）');
    expect(await refused.locator('.message').textContent()).toBe('服务任务“核验证照”没有指定主题（topic）：这一步由其他部门的系统作为外部任务来办，请设置 govflow:topic（或 camunda:type="external" 加 camunda:topic），如 govflow:topic="credit-check"');
    expect(await refused.locator('.rule').textContent()).toBe('govflow/external-tasks');
    expect(await page.locator('.server-refusal li.problem[data-element-id="wait"] .message').textContent()).toMatch(/^定时器的持续时间（timeDuration）“三天”/);
    expect(await page.locator('.server-refusal li.problem[data-element-id="toApproved"] .message').textContent()).toMatch(/^条件“approved”是普通文字/);
    expect(await page.locator('.modeler-problems .deploy-notes').count()).toBe(0);
    await screenshot(page, 'modeler-deploy-refused-service-task');

    // and clicking the refusal selects the service task
    await page.evaluate(() => window.govflowModeler?.get('selection').select([]));
    await refused.locator('button').click();
    expect(await selectedIds(page)).toEqual(['verify']);
    expect((await api.call('designer', 'GET', '/api/definitions/deploy-service')).status).toBe(404);
    await page.context().close();
  });

  it('keeps the server’s English on the English page', async () => {
    // given the English page
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    await page.evaluate(() => localStorage.setItem('govflow.locale', 'en'));
    await page.reload();

    // when the designer deploys the model whose 审核 task nobody can act on
    await importFromList(page, 'deploy-unstaffed-task.bpmn', 'review');
    expect(await deployFromPage(page)).toMatch(/^(Deployed as v\d+|Identical to v\d+: no new version) \(2 warnings\)$/);

    // then the deploy note is the server's English
    const notes = page.locator('.modeler-problems .deploy-notes');
    expect(await notes.locator('h3').textContent()).toBe('Deploy notes 1');
    const note = notes.locator('li.problem[data-element-id="review"]');
    expect(await note.locator('.element').textContent()).toBe('审核 (review)');
    expect(await note.locator('.message').textContent()).toBe('nobody can act on "审核" now: nobody holds the group chief@market-bureau. Add users to the directory or name a group someone holds');

    // when the designer imports the model with a service task over it and deploys that
    await page.setInputFiles('.modeler-toolbar input[type=file]', fixture('deploy-service-task.bpmn'));
    await page.waitForSelector('.modeler-canvas .djs-shape[data-element-id="verify"]');
    expect(await notes.count()).toBe(0);
    const english = 'ServiceTask "核验证照" names no topic: another system\'s worker does it as an external task — set govflow:topic (or camunda:type="external" with camunda:topic), e.g. govflow:topic="credit-check"';
    await page.locator('.problem-list.lint li.problem.error[data-element-id="verify"]').waitFor();
    expect(await page.locator('.problem-list.lint li.problem.error[data-element-id="verify"] .message').textContent()).toBe(english);
    expect(await deployFromPage(page)).toMatch(/^The server refused to deploy: /);

    // then the refusal is the server's English too
    expect(await page.locator('.server-refusal li.problem[data-element-id="verify"] .message').textContent()).toBe(english);
    expect(await page.locator('.server-refusal li.problem[data-element-id="wait"] .message').textContent()).toBe('timeDuration "三天" is not an ISO 8601 duration such as PT10M or P3D, or a legal limit such as 3WD');
    await screenshot(page, 'modeler-deploy-refused-en');
    await page.context().close();
  });
});
