import { systemActor } from '../../engine';
import { attachment, addScenarioStaff } from '../scenarios/scenario-support';
import { seriousViolations } from '../support/accessibility';
import { screenshot, signedInPage, useBrowserWithProcess } from '../support/browser';
import { bpmn } from '../support/test-govflow';

/**
 * 容缺受理 in the online hall on a phone: the applicant of an application accepted without a
 * non-essential material reads what is due by when, uploads exactly it and hands it in.
 */
describe('容缺受理 in the online hall on a phone (390×844)', () => {
  const suite = useBrowserWithProcess('licensing-general.bpmn');
  beforeAll(async () => {
    await addScenarioStaff(suite.api);
    await suite.api.govflow.definitions.deploy(bpmn('licensing-general.bpmn').replace('govflow:public="true"', 'govflow:public="true" govflow:incompleteAcceptance="true" govflow:supplementLimit="10WD"'), systemActor);
  });

  it('asks for the deferred material with its due date, and takes it', async () => {
    const { api, browser } = suite;
    const materials = [
      { ...attachment('申请书.pdf'), material: 'application-form' },
      { ...attachment('营业执照.pdf'), material: 'business-licence' },
    ];
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'licensing-general', title: '食品经营许可·容缺', data: { applicantName: '街角面馆', businessScope: '面食制售' }, attachments: materials });
    expect(started.status).toBe(201);
    const accept = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0];
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept.taskId}/complete`, { decision: 'accept', comment: '容缺受理' })).status).toBe(200);
    const due = (await api.call('applicant', 'GET', `/api/cases/${started.body.id}`)).body.deferredMaterials.dueDate;

    const page = await signedInPage(browser, api.url, 'applicant', `hall.html#cases/${encodeURIComponent(started.body.id)}`, 'zh-CN', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const form = page.locator('form[data-answers=deferred]');
    await form.waitFor();
    expect(await form.locator('h2').textContent()).toBe('补交容缺材料');
    expect(await form.locator('p').first().textContent()).toBe(`您的申请已容缺受理，请于 ${due} 前补交以下材料，逾期未补齐的不予许可：`);
    expect(await form.locator('.material-upload').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'hall-phone-deferred');

    // nothing chosen: it says which material is missing, and hands in nothing
    await page.click('#submit-deferred');
    expect(await form.locator('.form-errors').textContent()).toContain('经营场所使用证明');
    await page.setInputFiles('.material-upload[data-material=premises-proof] input[type=file]', { name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 租赁合同\n%%EOF\n') });
    await page.waitForSelector('.material-upload[data-material=premises-proof] .uploaded-files li');
    await page.click('#submit-deferred');
    await page.waitForSelector('.hall-notice');
    expect(await page.locator('.hall-notice').textContent()).toBe('容缺材料已补交，审批将继续进行。');
    expect(await page.locator('form[data-answers=deferred]').count()).toBe(0);
    const after = (await api.call('applicant', 'GET', `/api/cases/${started.body.id}`)).body;
    expect(after.deferredMaterials.handedInAt).not.toBeNull();
    expect(after.attachments.at(-1)).toMatchObject({ name: '租赁合同.pdf', material: 'premises-proof' });
    await page.context().close();
  });
});
