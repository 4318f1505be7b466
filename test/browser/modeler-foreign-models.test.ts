import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { launchBrowser, screenshot, signedInPage } from '../support/browser';
import { fillEntry } from '../support/modeler-page';
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

/** Imports `name` from the process list, as a user does, and waits for the editor or its failure. */
async function importFromList(page: Page, name: string): Promise<void> {
  await page.waitForSelector('button.new-process');
  await page.setInputFiles('.modeler-list input[type=file]', fixture(name));
  await page.waitForSelector('.modeler-canvas .djs-element, .modeler-list .import-failed');
}

async function exportedXml(page: Page): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.click('button.export-bpmn')]);
  return readFileSync((await download.path()) as string, 'utf8');
}

/** The opening tag of the user task `id` in `xml` (with the file's own prefix for BPMN, or none). */
function taskTag(xml: string, id: string): string {
  return new RegExp(`<(?:bpmn:)?userTask id="${id}"[^>]*>`).exec(xml)?.[0] ?? '';
}

describe('the modeler opening models drawn in other tools, in headless Chromium', () => {
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

  it('lays out a model that has no diagram, says so once, and keeps its govflow attributes', async () => {
    // given a process exported without <bpmndi:BPMNDiagram> and without incoming/outgoing on its nodes
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    const errors = pageErrors(page);

    // when the designer imports it from the process list
    await importFromList(page, 'foreign-no-diagram.bpmn');

    // then the editor opens with every node drawn, left to right along the flow
    expect(await page.locator('.modeler-open-failed').count()).toBe(0);
    expect(await page.locator('main p.error').count()).toBe(0);
    const layout = await page.evaluate(() => {
      const registry = window.govflowModeler?.get('elementRegistry');
      const x = (id: string) => registry.get(id)?.x as number | undefined;
      const waypoints = (id: string) => (registry.get(id)?.waypoints as unknown[] | undefined)?.length ?? 0;
      return { start: x('submitted'), task: x('accept'), gateway: x('decide'), done: x('done'), rejected: x('rejected'), flowPoints: waypoints('toAccept') };
    });
    expect(layout.start).toEqual(expect.any(Number));
    expect(layout.task as number).toBeGreaterThan(layout.start as number);
    expect(layout.gateway as number).toBeGreaterThan(layout.task as number);
    expect(layout.done as number).toBeGreaterThan(layout.gateway as number);
    expect(layout.rejected).toEqual(expect.any(Number));
    expect(layout.flowPoints).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.modeler-canvas .djs-shape[data-element-id="accept"]').count()).toBe(1);

    // and the user is told the diagram was generated, once
    const notice = page.locator('.modeler-problems p.laid-out');
    expect(await notice.count()).toBe(1);
    expect(await notice.textContent()).toBe('该文件没有流程图信息（BPMNDiagram），已自动生成布局，请检查后保存。');
    expect(await page.locator('.modeler-problems .import-warnings').count()).toBe(0);
    expect(await page.locator('.modeler-meta .origin').textContent()).toBe('导入自 foreign-no-diagram.bpmn');
    await screenshot(page, 'modeler-foreign-laid-out');

    // and the exported model has the generated diagram and the govflow attributes and form it came with
    const xml = await exportedXml(page);
    expect(xml).toMatch(/<bpmndi:BPMNShape id="[^"]+" bpmnElement="accept">/);
    expect(xml).toMatch(/<bpmndi:BPMNEdge id="[^"]+" bpmnElement="toRejected">/);
    expect(taskTag(xml, 'accept')).toContain('govflow:candidateGroups="window@market-bureau"');
    expect(taskTag(xml, 'accept')).toContain('govflow:timeLimit="2WD"');
    expect(xml).toContain('<govflow:field name="opinion" label="受理意见" type="text" />');
    expect(xml).toMatch(/<exclusiveGateway id="decide" default="toDone">/); // the file's default namespace for BPMN is kept

    // and opening another model drops the notice
    await page.click('button.back');
    await page.click('button.new-process');
    await page.waitForSelector('.modeler-canvas .djs-shape');
    expect(await page.locator('.modeler-problems p.laid-out').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists the import warnings beside the lint problems, each selecting its element, until another model is opened', async () => {
    // given the editor open on a new process
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    await page.waitForSelector('button.new-process');
    await page.click('button.new-process');
    await page.waitForSelector('.modeler-canvas .djs-shape');
    expect(await page.locator('.modeler-problems .import-warnings').count()).toBe(0);

    // when the designer imports, with the toolbar, a model with an unknown bpmn element, a misspelt govflow attribute and a missing default flow
    await page.setInputFiles('.modeler-toolbar input[type=file]', fixture('foreign-import-warnings.bpmn'));
    await page.waitForSelector('.modeler-problems .import-warnings');

    // then each warning is listed in Chinese, with its element where it names one
    const warnings = page.locator('.modeler-problems .problem-list.import li.problem');
    expect(await warnings.count()).toBe(3);
    const unresolved = page.locator('.problem-list.import li[data-element-id="route"]');
    expect(await unresolved.textContent()).toContain('无法解析的引用 <toArchive>');
    const misspelt = page.locator('.problem-list.import li[data-element-id="check"]');
    expect(await misspelt.textContent()).toContain('未知属性 <govflow:timeLimt>');
    expect(await misspelt.textContent()).toContain('审查（check）');
    const unknown = page.locator('.problem-list.import li[data-element-id=""]');
    expect(await unknown.textContent()).toMatch(/无法识别的元素 <bpmn:approvalStep>（第 \d+ 行第 \d+ 列）：未知类型 <bpmn:ApprovalStep>/);
    expect(await page.locator('.modeler-problems .import-warnings h3').textContent()).toBe('导入警告 3 条');
    // beside the lint problems, which still have their own section
    expect(await page.locator('.modeler-problems .import-warnings ~ h3').textContent()).toMatch(/^校验问题/);
    expect(await page.locator('.modeler-canvas .djs-shape[data-element-id="check"]').count()).toBe(1);
    await screenshot(page, 'modeler-foreign-import-warnings');

    // and clicking a warning selects its element
    await unresolved.locator('button').click();
    expect(await page.evaluate(() => window.govflowModeler?.get('selection').get().map((element: { id: string }) => element.id))).toEqual(['route']);

    // when a file that cannot be laid out is imported over it, the open model stays as it was
    await page.setInputFiles('.modeler-toolbar input[type=file]', fixture('foreign-layout-fails.bpmn'));
    await page.waitForSelector('.modeler-status.error');
    expect(await page.locator('.modeler-status.error').textContent()).toMatch(/^该文件没有流程图信息（BPMNDiagram），自动布局失败：/);
    expect(await page.locator('.modeler-canvas .djs-shape[data-element-id="check"]').count()).toBe(1);
    expect(await warnings.count()).toBe(3);

    // when another model is imported, the warnings of the first are gone
    await page.setInputFiles('.modeler-toolbar input[type=file]', fixture('foreign-vendor-actors.bpmn'));
    await page.waitForSelector('.modeler-canvas .djs-shape[data-element-id="review"]');
    expect(await page.locator('.modeler-problems .import-warnings').count()).toBe(0);
    expect(await page.locator('.modeler-status').textContent()).toBe('');
    await page.context().close();
  });

  it('keeps the designer on the process list when an imported model cannot be laid out, saying why in English', async () => {
    // given the English page
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    await page.evaluate(() => localStorage.setItem('govflow.locale', 'en'));
    await page.reload();

    // when the designer imports a file with no diagram whose one flow leads to an element it lacks
    await importFromList(page, 'foreign-layout-fails.bpmn');

    // then the list stays and says why, with the parse warning that explains it, instead of an editor
    const failure = page.locator('.modeler-list .import-failed');
    expect(await failure.locator('h2').textContent()).toBe('Could not open foreign-layout-fails.bpmn; nothing in the list was changed. Why:');
    expect(await failure.locator('p.error').textContent()).toMatch(/^Could not load: The file has no diagram \(BPMNDiagram\) and laying it out failed: /);
    const warning = failure.locator('.problem-list.import li[data-element-id="toNowhere"]');
    expect(await warning.textContent()).toContain('unresolved reference <nowhere>');
    expect(await failure.locator('.import-warnings h3').textContent()).toBe('Import warnings 1');
    expect(await page.locator('.modeler-canvas').count()).toBe(0);
    expect(await page.evaluate(() => window.govflowModeler === undefined)).toBe(true);
    await screenshot(page, 'modeler-foreign-layout-failed-en');

    // and the process list goes on working; the reason goes once the designer moves on
    expect(await page.locator('.modeler-list h1').textContent()).toBe('Process design');
    await page.click('button.new-process');
    await page.waitForSelector('.modeler-canvas .djs-shape');
    expect(await page.locator('.modeler-meta .origin').textContent()).toBe('new process (not deployed)');
    await page.context().close();
  });

  it('shows a Camunda task’s and a Flowable task’s actors in the govflow group and edits them where they are', async () => {
    // given a model whose tasks name their actors with camunda: and flowable: attributes only
    const page = await signedInPage(browser, api.url, 'designer', 'modeler.html');
    await importFromList(page, 'foreign-vendor-actors.bpmn');
    await page.waitForSelector('.modeler-canvas .djs-shape[data-element-id="review"]');

    // when the designer selects the Camunda task
    await page.click('.modeler-canvas .djs-shape[data-element-id="review"]');
    await page.waitForSelector('[data-group-id="group-govflow"] #bio-properties-panel-govflow-assignee');

    // then the govflow group shows camunda:assignee and camunda:candidateGroups, saying where they are kept
    expect(await page.inputValue('#bio-properties-panel-govflow-assignee')).toBe('clerk');
    expect(await page.locator('[data-entry-id="govflow-assignee"] .bio-properties-panel-description').textContent()).toBe('保存在 camunda:assignee 中（沿用绘制该模型的工具所写的属性）');
    expect(await page.inputValue('#bio-properties-panel-govflow-candidateGroups-0-department')).toBe('market-bureau');
    expect(await page.inputValue('#bio-properties-panel-govflow-candidateGroups-0-role')).toBe('licensing-section');
    expect(await page.inputValue('#bio-properties-panel-govflow-candidateGroups-1-expression')).toBe('reviewers');
    expect(await page.locator('[data-entry-id="govflow-candidateGroups"] .bio-properties-panel-list-entry-header-title').textContent()).toBe('候选组（岗位@部门） · camunda:candidateGroups');
    expect(await page.inputValue('#bio-properties-panel-govflow-candidateUsers')).toBe('');
    await screenshot(page, 'modeler-foreign-camunda-task');

    // when the designer changes the assignee and the first group's department
    await fillEntry(page, 'govflow-assignee', 'officer');
    await page.selectOption('#bio-properties-panel-govflow-candidateGroups-0-department', 'tax-bureau');

    // and changes the Flowable task's candidate users
    await page.click('.modeler-canvas .djs-shape[data-element-id="sign"]');
    await page.waitForFunction(() => (document.querySelector('#bio-properties-panel-govflow-candidateUsers') as HTMLInputElement | null)?.value === 'clerk2');
    expect(await page.locator('[data-entry-id="govflow-candidateUsers"] .bio-properties-panel-description').textContent()).toContain('flowable:candidateUsers');
    await fillEntry(page, 'govflow-candidateUsers', 'clerk2,leader');

    // then the exported model has the new values in the vendor attributes, their namespaces declared, and no govflow: copy
    const xml = await exportedXml(page);
    expect(xml).toContain('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"');
    expect(xml).toContain('xmlns:flowable="http://flowable.org/bpmn"');
    const review = taskTag(xml, 'review');
    expect(review).toContain('camunda:assignee="officer"');
    expect(review).toContain('camunda:candidateGroups="licensing-section@tax-bureau,reviewers"');
    expect(review).not.toContain('govflow:');
    const sign = taskTag(xml, 'sign');
    expect(sign).toContain('flowable:candidateUsers="clerk2,leader"');
    expect(sign).not.toContain('govflow:');

    // when the designer clears the Camunda assignee and types a new one, it moves to govflow:, still one source
    await page.click('.modeler-canvas .djs-shape[data-element-id="review"]');
    await page.waitForSelector('#bio-properties-panel-govflow-assignee');
    await fillEntry(page, 'govflow-assignee', '');
    await fillEntry(page, 'govflow-assignee', 'leader');
    const moved = taskTag(await exportedXml(page), 'review');
    expect(moved).toContain('govflow:assignee="leader"');
    expect(moved).not.toContain('camunda:assignee');
    expect(moved).toContain('camunda:candidateGroups="licensing-section@tax-bureau,reviewers"');
    await page.context().close();
  });
});
