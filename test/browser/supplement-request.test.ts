import { attachment } from '../scenarios/scenario-support';
import { screenshot, signedInPage, useBrowserWithProcess } from '../support/browser';

/**
 * 一次性告知 in the pages: at 受理 the window ticks the materials of the service guide to ask for,
 * says for each what is wrong, and sends the case back for 补正; the case page shows the list
 * as written, and whether the applicant has answered it.
 */
describe('the 补正 list (一次性告知) in headless Chromium', () => {
  const suite = useBrowserWithProcess('licensing-general.bpmn');

  const materials = [
    { ...attachment('许可申请书.pdf'), material: 'application-form' },
    { ...attachment('营业执照.pdf'), material: 'business-licence' },
    { ...attachment('租赁合同.pdf'), material: 'premises-proof' },
  ];

  it('the window ticks two materials with their reasons and asks for 补正; the applicant is asked exactly those, and the case page lists them', async () => {
    const { api, browser } = suite;
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'licensing-general', title: '食品经营许可·街角面馆', data: { applicantName: '街角面馆', businessScope: '热食类食品制售' }, attachments: materials });
    expect(started.status).toBe(201);
    const caseId = started.body.id as string;
    const accept = (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0];
    expect(accept.stepId).toBe('accept');

    const page = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${accept.taskId}`);
    const detail = page.locator(`article.task-detail[data-task-id="${accept.taskId}"]`);
    await detail.waitFor();
    await page.click('#claim-task');
    await page.waitForSelector('#unclaim-task');
    const field = detail.locator('[data-field=missingMaterials]');
    expect(await field.locator('.label').textContent()).toBe('需补正的材料（一次性告知）');
    expect(await field.locator('.material-choice label').allTextContents()).toEqual(['许可申请书', '营业执照', '经营场所使用证明', '设备布局和工艺流程图']);
    expect(await field.locator('.hint').textContent()).toContain('申请人将看到原文');
    // a reason is written once its material is ticked
    const reasonOf = (index: number) => field.locator(`#field-missingMaterials-${index}-reason`);
    expect(await reasonOf(1).isDisabled()).toBe(true);

    await page.selectOption('#task-decision', 'supplement');
    await field.locator('[data-material=business-licence]').check();
    await reasonOf(1).fill('营业执照副本已过有效期，请提交在有效期内的副本');
    await field.locator('[data-material=layout-plan]').check();
    await reasonOf(3).fill('请补充设备布局和工艺流程图');
    await page.fill('#task-comment', '请一次性补正以下材料');
    await screenshot(page, 'supplement-request-form');
    await page.click('#complete-task');
    await page.waitForSelector('.flash .done[data-operation=complete]');

    const asked = (await api.call('applicant', 'GET', `/api/cases/${caseId}`)).body;
    expect(asked.awaiting).toEqual(['supplement']);
    expect(asked.supplementRequests).toEqual([
      expect.objectContaining({
        stepName: '受理',
        note: '请一次性补正以下材料',
        answeredAt: null,
        materials: [
          { material: 'business-licence', name: '营业执照', reason: '营业执照副本已过有效期，请提交在有效期内的副本' },
          { material: 'layout-plan', name: '设备布局和工艺流程图', reason: '请补充设备布局和工艺流程图' },
        ],
      }),
    ]);

    await page.goto(`${api.url}/case.html?id=${caseId}`);
    const panel = page.locator('.supplements-panel');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('补正告知（一次性告知）');
    expect(await panel.locator('.supplement-request').getAttribute('data-state')).toBe('open');
    expect(await panel.locator('.supplement-request .decision').textContent()).toBe('待申请人补正');
    expect(await panel.locator('.requested-materials li').allTextContents()).toEqual(['营业执照：营业执照副本已过有效期，请提交在有效期内的副本', '设备布局和工艺流程图：请补充设备布局和工艺流程图']);
    expect(await panel.locator('.supplement-request .muted').textContent()).toContain('张伟');

    const answered = await api.call('applicant', 'POST', `/api/cases/${caseId}/supplement`, {
      attachments: [
        { ...attachment('营业执照副本.pdf'), material: 'business-licence' },
        { ...attachment('布局图.pdf'), material: 'layout-plan' },
      ],
    });
    expect(answered.status).toBe(200);
    await page.reload();
    await panel.waitFor();
    expect(await panel.locator('.supplement-request').getAttribute('data-state')).toBe('answered');
    expect(await panel.locator('.supplement-request .decision').textContent()).toMatch(/^已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 补正$/);
    await screenshot(page, 'supplement-request-case');
    await page.context().close();
  });
});
