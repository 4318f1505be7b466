import { screenshot, signedInPage, useBrowserWithProcess } from '../support/browser';
import { addUserTaskOnFlow, fillEntry, openLicensingModel } from '../support/modeler-page';
import { bpmn } from '../support/test-govflow';

describe('the modeler page in headless Chromium', () => {
  const suite = useBrowserWithProcess('licensing-general.bpmn');

  it('lets a designer add a step with its department, role and a 3-working-day limit and deploy it as version 2', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await page.waitForSelector('table.process-table tbody tr');
    expect(await page.locator('tr[data-key="licensing-general"] td.version').textContent()).toBe('第 1 版');
    await screenshot(page, 'modeler-list');
    await openLicensingModel(page);
    expect(await page.locator('.djs-palette [aria-label="创建开始事件"]').count()).toBe(1);
    // the user task is drawn from the palette as it is: a click on it, a click on the canvas
    const userTasks = () => page.evaluate(() => window.govflowModeler!.get('elementRegistry').filter((element: { type: string }) => element.type === 'bpmn:UserTask').length as number);
    const before = await userTasks();
    await page.click('.djs-palette [aria-label="创建用户任务（办理环节）"]');
    const canvas = (await page.locator('.modeler-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width - 150, canvas.y + canvas.height - 120);
    await page.mouse.click(canvas.x + canvas.width - 150, canvas.y + canvas.height - 120);
    await page.waitForFunction((count) => window.govflowModeler!.get('elementRegistry').filter((element: { type: string }) => element.type === 'bpmn:UserTask').length === count + 1, before);
    await page.evaluate(() => window.govflowModeler!.get('commandStack').undo());
    expect(await userTasks()).toBe(before);
    // a changed process id would deploy as another process: the page says so until it is changed back
    await page.evaluate(() => {
      const modeler = window.govflowModeler!;
      modeler.get('modeling').updateProperties(modeler.get('canvas').getRootElement(), { id: 'licensing-general-copy' });
    });
    await page.waitForSelector('.notice.key-changed:not([hidden])');
    expect(await page.locator('.notice.key-changed').textContent()).toContain('流程标识已由“licensing-general”改为“licensing-general-copy”');
    await page.evaluate(() => window.govflowModeler!.get('commandStack').undo());
    expect(await page.locator('.notice.key-changed').isHidden()).toBe(true);
    expect(await page.locator('.modeler-problems .problem.error').count()).toBe(0);

    const taskId = await addUserTaskOnFlow(page, 'toFinishedEnd');
    await page.waitForSelector('[data-group-id="group-govflow"]');
    await fillEntry(page, 'name', '归档');
    await page.click('[data-entry-id="govflow-candidateGroups"] .bio-properties-panel-add-entry');
    await page.selectOption('#bio-properties-panel-govflow-candidateGroups-0-department', 'market-bureau');
    await page.selectOption('#bio-properties-panel-govflow-candidateGroups-0-role', 'licensing-section');
    await fillEntry(page, 'govflow-timeLimit-amount', '3');
    await page.selectOption('#bio-properties-panel-govflow-timeLimit-unit', 'WD');
    expect(await page.locator('[data-group-id="group-govflow"] .bio-properties-panel-group-header-title').textContent()).toBe('政务流程');
    await page.waitForFunction(() => document.querySelectorAll('.modeler-problems .problem.error').length === 0);
    await screenshot(page, 'modeler-edit-task');

    await page.click('button.deploy');
    await page.waitForSelector('.modeler-status.ok');
    // the suite's users hold no chief@market-bureau, so deploy says nobody can act on 审核
    expect(await page.locator('.modeler-status').textContent()).toBe('已部署为第 2 版（1 个警告）');
    await screenshot(page, 'modeler-deployed');

    const version = await suite.api.call('designer', 'GET', '/api/definitions/licensing-general/versions/2');
    expect(version.status).toBe(200);
    const task = new RegExp(`<bpmn:userTask id="${taskId}"[^>]*>`).exec(version.body.xml)?.[0] ?? '';
    expect(task).toContain('name="归档"');
    expect(task).toMatch(/govflow:candidateGroups="licensing-section@market-bureau"/);
    expect(task).toContain('govflow:timeLimit="3WD"');
    await page.context().close();
  });

  it('shows the lint problems of a step nobody may act on, and the server refusing to deploy it', async () => {
    const before = await suite.api.call('designer', 'GET', '/api/definitions/licensing-general');
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await openLicensingModel(page);
    const taskId = await addUserTaskOnFlow(page, 'toFinishedEnd');
    await fillEntry(page, 'name', '无人办理');
    const problem = page.locator(`.modeler-problems .problem-list.lint li.problem.error[data-element-id="${taskId}"]`);
    await problem.first().waitFor();
    expect(await problem.first().textContent()).toContain('用户任务没有指定办理人');

    await page.click('button.deploy');
    await page.waitForSelector('.server-refusal');
    expect(await page.locator('.modeler-status.error').textContent()).toBe('服务器拒绝部署：模型不符合校验规则');
    const refused = page.locator(`.server-refusal li.problem[data-element-id="${taskId}"]`);
    expect(await refused.count()).toBeGreaterThan(0);
    expect(await refused.first().textContent()).toContain('govflow/user-task-actor');

    await page.evaluate(() => window.govflowModeler?.get('selection').select([]));
    await refused.first().locator('button').click();
    expect(await page.evaluate(() => window.govflowModeler?.get('selection').get().map((element: { id: string }) => element.id))).toEqual([taskId]);
    await screenshot(page, 'modeler-refused');

    const after = await suite.api.call('designer', 'GET', '/api/definitions/licensing-general');
    expect(after.body.versions.length).toBe(before.body.versions.length);
    await page.context().close();
  });

  it('saves a draft with a form field and a process clock start, compares it with the deployed version and exports it, in English', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await page.evaluate(() => localStorage.setItem('govflow.locale', 'en'));
    await page.reload();
    await openLicensingModel(page);
    expect(await page.locator('.djs-palette [aria-label="Create start event"]').count()).toBe(1);
    const taskId = await addUserTaskOnFlow(page, 'toFinishedEnd');
    await fillEntry(page, 'name', 'Archive');
    expect(await page.locator('[data-group-id="group-govflow"] .bio-properties-panel-group-header-title').textContent()).toBe('govflow');
    await page.click('[data-group-id="group-govflow-form"] .bio-properties-panel-add-entry');
    await fillEntry(page, 'govflow-form-0-label', 'Archive number');
    await page.selectOption('#bio-properties-panel-govflow-form-0-type', 'text');

    await page.evaluate(() => window.govflowModeler?.get('selection').select([]));
    await page.waitForSelector('#bio-properties-panel-govflow-clockStart');
    await page.selectOption('#bio-properties-panel-govflow-clockStart', 'review');

    await page.click('button.save-draft');
    await page.waitForSelector('.modeler-status.ok');
    expect(await page.locator('.modeler-status').textContent()).toMatch(/^Draft saved/);
    const draft = await suite.api.call('designer', 'GET', '/api/definitions/licensing-general/draft');
    expect(draft.body.xml).toContain('govflow:clockStart="review"');
    expect(draft.body.xml).toMatch(/<govflow:field name="field1" label="Archive number" type="text" \/>/);

    await page.click('button.compare');
    await page.waitForSelector('.modeler-diff .diff-list');
    expect(await page.locator(`.diff-entry.added[data-element-id="${taskId}"]`).count()).toBe(1);
    const processChange = page.locator('.diff-entry.changed[data-element-id="licensing-general"]');
    expect(await processChange.textContent()).toContain('govflow:clockStart');
    expect(await page.locator(`.djs-element.diff-added[data-element-id="${taskId}"]`).count()).toBe(1);
    await screenshot(page, 'modeler-compare-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.export-bpmn')]);
    expect(download.suggestedFilename()).toBe('licensing-general.bpmn');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button.export-svg')]);
    expect(svg.suggestedFilename()).toBe('licensing-general.svg');

    await page.click('button.back');
    await page.waitForSelector('tr[data-key="licensing-general"] a.open-draft');
    expect(await page.locator('tr[data-key="licensing-general"] td.draft').textContent()).toMatch(/^saved by designer/);
    await page.click('tr[data-key="licensing-general"] a.open-draft');
    await page.waitForSelector(`.modeler-canvas .djs-element[data-element-id="${taskId}"]`);
    expect(await page.locator('.modeler-meta .origin').textContent()).toMatch(/^draft \(saved by designer/);
    await page.context().close();
  });

  it('imports a .bpmn file from the list and starts a new process', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await page.waitForSelector('table.process-table tbody tr');
    await page.setInputFiles('.modeler-list input[type=file]', { name: 'penalty.bpmn', mimeType: 'application/xml', buffer: Buffer.from(bpmn('administrative-penalty.bpmn')) });
    await page.waitForSelector('.modeler-canvas .djs-element');
    expect(await page.locator('.modeler-meta .origin').textContent()).toBe('导入自 penalty.bpmn');
    expect(await page.locator('.modeler-meta .deployed').textContent()).toBe('尚未部署');
    expect(await page.locator('.modeler-canvas .djs-element').count()).toBeGreaterThan(10);
    await screenshot(page, 'modeler-imported');
    await page.click('button.save-draft');
    await page.waitForSelector('.modeler-status.ok');

    await page.click('button.back');
    await page.waitForSelector('button.new-process');
    // a process only drafted so far is listed too, and opens from its draft
    const drafted = page.locator('tr[data-key="administrative-penalty"]');
    expect(await drafted.locator('td.version').textContent()).toBe('尚未部署');
    expect(await drafted.locator('a.open-draft').count()).toBe(1);
    await page.click('button.new-process');
    await page.waitForSelector('.modeler-canvas .djs-element.djs-shape');
    expect(await page.locator('.modeler-meta .origin').textContent()).toBe('新流程（未部署）');
    await page.waitForSelector('.modeler-problems .problem.error'); // a lone start event: no end event yet
    await page.context().close();
  });

  it('edits the service guide in the process properties: a material added there is in the online hall once deployed', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await openLicensingModel(page);
    await page.evaluate(() => window.govflowModeler?.get('selection').select([]));
    const guide = page.locator('[data-group-id="group-govflow-service"]');
    await guide.waitFor();
    await guide.locator('.bio-properties-panel-group-header').click();
    expect(await guide.locator('.bio-properties-panel-group-header-title').textContent()).toBe('办事指南');
    expect(await page.locator('#bio-properties-panel-govflow-public').isChecked()).toBe(true);
    expect(await page.inputValue('#bio-properties-panel-govflow-serviceCode')).toBe('SC-XK-0001');
    const materials = page.locator('[data-group-id="group-govflow-materials"]');
    expect(await materials.locator('.bio-properties-panel-group-header-title').textContent()).toBe('申请材料');
    expect(await materials.locator('.bio-properties-panel-collapsible-entry-header-title').allTextContents()).toEqual(['许可申请书', '营业执照', '经营场所使用证明', '设备布局和工艺流程图']);

    await fillEntry(page, 'govflow-fees', '工本费10元');
    await materials.locator('.bio-properties-panel-add-entry').click();
    await fillEntry(page, 'govflow-materials-4-key', 'health-certificate');
    await fillEntry(page, 'govflow-materials-4-name', '从业人员健康证明');
    expect(await page.locator('#bio-properties-panel-govflow-materials-4-form option').allTextContents()).toEqual(['原件', '复印件', '原件及复印件', '电子材料']);
    await page.selectOption('#bio-properties-panel-govflow-materials-4-form', 'original-and-copy');
    await page.waitForFunction(() => document.querySelectorAll('.modeler-problems .problem.error').length === 0);
    await screenshot(page, 'modeler-service-guide');

    await page.click('button.deploy');
    await page.waitForSelector('.modeler-status.ok');
    const service = await suite.api.call(undefined, 'GET', '/api/services/licensing-general');
    expect(service.body.fees).toBe('工本费10元');
    expect(service.body.materials.at(-1)).toMatchObject({ key: 'health-certificate', name: '从业人员健康证明', form: 'original-and-copy', required: true });
    await page.context().close();
  });
  it('says on a phone that the editor needs a wider screen, and still lists the processes', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html#edit/licensing-general', 'zh-CN', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.waitForSelector('.narrow-screen h1');
    expect(await page.locator('.narrow-screen h1').textContent()).toBe('流程设计需要更宽的屏幕');
    expect(await page.locator('.djs-container').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'modeler-phone');
    await page.click('.narrow-screen a');
    await page.waitForSelector('table.process-table tr[data-key="licensing-general"]');
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('edits a branch condition by the decision before it, a comparison and a value, or as an expression that lint checks as deploy does', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await openLicensingModel(page);
    const select = (flowId: string) => page.evaluate((id) => window.govflowModeler!.get('selection').select(window.govflowModeler!.get('elementRegistry').get(id)), flowId);
    const condition = (flowId: string) => page.evaluate((id) => (window.govflowModeler!.get('elementRegistry').get(id).businessObject.conditionExpression?.body as string | undefined) ?? null, flowId);
    const undo = () => page.evaluate(() => window.govflowModeler!.get('commandStack').undo());
    const subject = '#bio-properties-panel-govflow-condition-subject';
    const value = '#bio-properties-panel-govflow-condition-value';

    await select('accepted');
    await page.waitForSelector('[data-group-id="group-govflow-condition"]');
    expect(await page.inputValue(subject)).toBe('decision');
    expect(await page.inputValue('#bio-properties-panel-govflow-condition-operator')).toBe('==');
    expect(await page.locator(`${value} option`).allTextContents()).toEqual(['受理（accept）', '不予受理（refuse）', '补正材料（supplement）']);
    await screenshot(page, 'modeler-condition');

    await page.selectOption(value, 'refuse');
    expect(await condition('accepted')).toBe('${decision == "refuse"}');
    await page.selectOption('#bio-properties-panel-govflow-condition-operator', '!=');
    expect(await condition('accepted')).toBe('${decision != "refuse"}');
    expect(await page.inputValue('#bio-properties-panel-govflow-condition-expression')).toBe('${decision != "refuse"}');
    await undo();
    await undo();
    expect(await condition('accepted')).toBe('${decision == "accept"}');

    // a flow without a condition gets one from the decisions offered before it
    await select('refused');
    await page.waitForSelector(`${subject} option:text("无条件")`, { state: 'attached' });
    expect(await page.inputValue(subject)).toBe('');
    await page.selectOption(subject, 'decision');
    expect(await condition('refused')).toBe('${decision == "accept"}');
    await undo();
    expect(await condition('refused')).toBeNull();

    // by hand: what the builder cannot state stays an expression, and a broken one is an error in the problems list at once
    await select('accepted');
    await fillEntry(page, 'govflow-condition-expression', '${decision == "accept" && major}');
    await page.waitForFunction((id) => (document.querySelector(id) as HTMLSelectElement).value === '', subject);
    expect(await page.locator(`${subject} option`).first().textContent()).toBe('自定义表达式（见下方）');
    expect(await page.locator('#bio-properties-panel-govflow-condition-operator').count()).toBe(0);
    await fillEntry(page, 'govflow-condition-expression', '${decision == }');
    await page.waitForSelector('.modeler-problems .problem.error[data-element-id="accepted"]');
    await undo();
    await undo();
    expect(await condition('accepted')).toBe('${decision == "accept"}');
    await page.context().close();
  });
  it('marks a draft saved before the latest deployment as stale', async () => {
    const xml = bpmn('licensing-general.bpmn');
    expect((await suite.api.call('designer', 'PUT', '/api/definitions/licensing-general/draft', xml, { 'content-type': 'application/xml' })).status).toBe(200);
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await page.waitForSelector('tr[data-key="licensing-general"] td.draft');
    expect(await page.locator('tr[data-key="licensing-general"] .stale-draft').count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const deployed = await suite.api.call('designer', 'POST', '/api/definitions', xml.replace('name="行政许可（一般程序）"', 'name="行政许可（一般程序·修订）"'), { 'content-type': 'application/xml' });
    expect(deployed.status).toBe(201);
    await page.reload();
    await page.waitForSelector('tr[data-key="licensing-general"] .stale-draft');
    expect(await page.locator('tr[data-key="licensing-general"] .stale-draft').textContent()).toBe(`此草稿早于第 ${deployed.body.version} 版部署，已过时：部署它会撤销该版本的修改`);
    await page.context().close();
  });

  it('compares any two deployed versions, older to newer, and says what changed in the forms and materials in words', async () => {
    // given two versions of a process: the second adds a form field, makes another required and a material essential, drops a material
    const first = bpmn('licensing-general.bpmn').replaceAll('licensing-general', 'compare-demo');
    const second = first
      .replace('<govflow:field name="contactPhone" label="联系电话" type="string" maxLength="20" />', '<govflow:field name="contactPhone" label="联系电话" type="string" required="true" maxLength="20" />\n          <govflow:field name="employees" label="从业人员数" type="integer" required="true" />')
      .replace('required="true" essential="false" sample="房屋产权证明或租赁合同。"', 'required="true" essential="true" sample="房屋产权证明或租赁合同。"')
      .replace('<govflow:material key="layout-plan" name="设备布局和工艺流程图" form="electronic" required="false" />', '');
    for (const xml of [first, second]) expect((await suite.api.call('designer', 'POST', '/api/definitions', xml, { 'content-type': 'application/xml' })).status).toBe(201);

    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html#edit/compare-demo');
    await page.waitForSelector('.modeler-canvas .djs-element');
    await page.waitForSelector('select.compare-from option[value="1"]', { state: 'attached' });
    // when the designer picks version 2 against version 1, the wrong way round
    await page.selectOption('select.compare-from', '2');
    await page.selectOption('select.compare-to', '1');
    await page.click('button.compare');
    await page.waitForSelector('.modeler-diff .diff-list');

    // then it reads old → new, and the form and materials changes are in words, not moddle text
    expect(await page.locator('.modeler-diff h3').textContent()).toContain('第 1 版 → 第 2 版 的改动');
    const start = page.locator('.diff-entry.changed[data-element-id="submitted"]');
    expect(await start.locator('.diff-entry-item[data-key="employees"]').textContent()).toBe('新增表单字段「从业人员数」字段名：employees字段类型：整数必填：是');
    expect(await start.locator('.diff-entry-item[data-key="contactPhone"]').textContent()).toBe('表单字段「联系电话」改动必填：否 → 是');
    const process = page.locator('.diff-entry.changed[data-element-id="compare-demo"]');
    expect(await process.locator('.diff-entry-item[data-key="premises-proof"]').textContent()).toContain('核心材料（不可容缺）：否 → 是');
    expect(await process.locator('.diff-entry-item.removed[data-key="layout-plan"]').textContent()).toBe('删除申请材料「设备布局和工艺流程图」');
    expect(await page.locator('.modeler-diff').textContent()).not.toMatch(/govflow:Field|ExtensionElements|values=/);
    // two deployed versions: nothing on the canvas is marked as if it were the edited model
    expect(await page.locator('.djs-element.diff-changed').count()).toBe(0);
    await screenshot(page, 'modeler-compare-versions');
    await page.context().close();
  });

  it('starts a process from the licensing template, staffed by the department holding its posts, which deploys and runs as drawn', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, 'designer', 'modeler.html');
    await page.click('button.new-from-template[data-template=licensing]');
    await page.waitForSelector('.modeler-canvas .djs-shape[data-element-id="decide"]');
    expect(await page.locator('.modeler-meta .origin').textContent()).toBe('由模板「行政许可」新建（未部署）');
    const steps = await page.evaluate(() =>
      window
        .govflowModeler!.get('elementRegistry')
        .filter((element: { type: string }) => element.type === 'bpmn:UserTask')
        .map((element: { businessObject: { name: string; $attrs: Record<string, string>; get(name: string): unknown } }) => [element.businessObject.name, element.businessObject.get('govflow:candidateGroups')]),
    );
    expect(steps).toEqual([
      ['受理', 'window@market-bureau'],
      ['审查', 'licensing-section@market-bureau'],
      ['决定', 'leader@market-bureau'],
      ['送达', 'window@market-bureau'],
    ]);
    // drawn as it came, not laid out after the fact, and nothing for the lint to object to
    expect(await page.locator('.notice.laid-out').count()).toBe(0);
    await page.waitForFunction(() => document.querySelectorAll('.modeler-problems .problem.error').length === 0);
    await screenshot(page, 'modeler-template-licensing');
    await page.click('button.deploy');
    await page.waitForSelector('.modeler-status.ok');
    expect(await page.locator('.modeler-status').textContent()).toMatch(/^已部署为第 1 版/);
    const key = String((await page.locator('.modeler-title').textContent())?.split(' · ')[1]);

    // and it runs: 不予受理 ends the case at once; otherwise 受理 → 审查 → 决定 → 送达 → 办结
    const run = async (decisions: string[]) => {
      const started = await suite.api.call('applicant', 'POST', '/api/cases', { processKey: key, title: `模板 ${decisions.join(' ')}`, data: {} });
      expect(started.status).toBe(201);
      for (const decision of decisions) {
        const [step] = (await suite.api.call('leader', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps;
        const worker = step.candidateGroups[0].startsWith('leader@') ? 'leader' : 'clerk';
        expect((await suite.api.call(worker, 'POST', `/api/tasks/${step.taskId}/complete`, { decision, comment: '同意' })).status).toBe(200);
      }
      return (await suite.api.call('leader', 'GET', `/api/cases/${started.body.id}`)).body;
    };
    expect(await run(['refuse'])).toMatchObject({ status: 'completed', outcome: ['不予受理'] });
    expect(await run(['accept', 'pass', 'grant', 'served'])).toMatchObject({ status: 'completed', outcome: ['办结'] });

    // the penalty chain names its legal review step as the process's
    await page.click('button.back');
    await page.click('button.new-from-template[data-template=penalty]');
    await page.waitForSelector('.modeler-canvas .djs-shape[data-element-id="legalReview"]');
    expect(await page.evaluate(() => window.govflowModeler!.get('canvas').getRootElement().businessObject.get('govflow:legalReviewStep'))).toBe('legalReview');
    expect(await page.locator('.modeler-canvas .djs-shape.djs-element[data-element-id="fileCaseEnded"]').count()).toBe(1);
    await page.context().close();
  });
});
