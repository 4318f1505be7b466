import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { addScenarioStaff } from '../scenarios/scenario-support';
import { seriousViolations } from '../support/accessibility';
import { screenshot, signedInPage, useBrowserWithProcess } from '../support/browser';

/** A file the server's type sniffing takes for a PDF, distinct per name so each has its own sha256. */
function pdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`) };
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const devices: Array<{ device: string; options: BrowserContextOptions }> = [
  { device: 'phone (390×844)', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  { device: 'desktop (1440×900)', options: { viewport: { width: 1440, height: 900 } } },
];

/**
 * The online hall (网上办事大厅) as an applicant uses it, on a phone and on a desktop: find the
 * service, read its guide, apply with the form and uploaded files, follow the case, answer the
 * 补正 the window asks by uploading exactly the listed material, read the outcome and the
 * documents issued, rate the handling 不满意 and read the department's late answer to it; every
 * page in Chinese, without serious accessibility violations.
 */
describe.each(devices)('the online hall on a $device in headless Chromium', ({ device, options }) => {
  // the server's clock runs with the real one, moved ahead when a limit must have passed
  let ahead = 0;
  const suite = useBrowserWithProcess('licensing-general.bpmn', { now: () => new Date(Date.now() + ahead) });
  const shot = (page: Page, name: string) => screenshot(page, `hall-${options.isMobile ? 'phone' : 'desktop'}-${name}`);
  beforeAll(() => addScenarioStaff(suite.api));

  async function applicantPage(path = 'index.html'): Promise<Page> {
    const page = await signedInPage(suite.browser, suite.api.url, 'applicant', path, 'zh-CN', options);
    await page.waitForSelector('.hall-view h1');
    return page;
  }

  async function expectFitsAndAccessible(page: Page, name: string): Promise<void> {
    // nothing scrolls sideways on a phone
    if (options.isMobile) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function complete(user: string, caseId: string, stepId: string, body: Record<string, unknown>): Promise<void> {
    const step = (await suite.api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.currentSteps.find((open: { stepId: string }) => open.stepId === stepId);
    expect((await suite.api.call(user, 'POST', `/api/tasks/${step.taskId}/complete`, body)).status).toBe(200);
  }

  it(`finds a service, applies with the form and uploads, answers the 补正, and reads the outcome (${device})`, async () => {
    const { api, browser } = suite;
    // signing in lands an applicant in the hall, not on a page their role may not use
    const page = await applicantPage();
    expect(page.url()).toMatch(/hall\.html/);
    expect(await page.locator('.hall-view h1').textContent()).toBe('网上办事大厅');

    await page.fill('#service-search', '许可');
    await page.click('.service-search button[type=submit]');
    await page.waitForSelector('.service-card[data-service=licensing-general]');
    expect(await page.locator('.service-card h2').allTextContents()).toEqual(['行政许可（一般程序）']);
    await page.fill('#service-search', '没有这个事项');
    await page.click('.service-search button[type=submit]');
    await page.waitForSelector('#service-results .empty');
    expect(await page.locator('#service-results .empty').textContent()).toBe('没有找到相关事项，请换个关键词。');
    await page.goBack();
    await page.click('.service-card[data-service=licensing-general] h2 a');

    // the guide, from the model's attributes
    await page.waitForSelector('.guide-facts');
    expect(await page.locator('.guide-facts dd[data-fact=promised]').textContent()).toBe('15个工作日');
    expect(await page.locator('.guide-facts dd[data-fact=code]').textContent()).toBe('SC-XK-0001');
    expect(await page.locator('.material-list li strong').allTextContents()).toEqual(['许可申请书', '营业执照', '经营场所使用证明', '设备布局和工艺流程图']);
    expect(await page.locator('.material-list li[data-material=application-form] .sample').textContent()).toContain('法定代表人签字');
    await expectFitsAndAccessible(page, 'guide');
    await page.click('#apply-link');

    // the form and the uploads
    await page.waitForSelector('form.application');
    expect(await page.inputValue('#case-title')).toBe('行政许可（一般程序）');
    await page.fill('#case-title', '食品经营许可·李明小吃店');
    await page.fill('#field-applicantName', '李明小吃店');
    await page.fill('#field-businessScope', '热食类食品制售');
    const files = { 'application-form': pdf('许可申请书.pdf'), 'business-licence': pdf('营业执照.pdf'), 'premises-proof': pdf('租赁合同.pdf') };
    // submitting without the materials names the ones missing, and starts nothing
    await page.click('#submit-application');
    expect(await page.locator('form.application .form-errors').textContent()).toContain('许可申请书、营业执照、经营场所使用证明');
    for (const [material, file] of Object.entries(files)) {
      await page.setInputFiles(`.material-upload[data-material=${material}] input[type=file]`, file);
      await page.waitForSelector(`.material-upload[data-material=${material}] .uploaded-files li`);
      expect(await page.locator(`.material-upload[data-material=${material}] .uploaded-files li`).textContent()).toContain(sha256(file.buffer).slice(0, 12));
    }
    expect(await page.locator('.draft-state').textContent()).toMatch(/^草稿已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 自动保存在本机$/);
    await expectFitsAndAccessible(page, 'apply');
    await page.click('#submit-application');

    // the new case, as its applicant follows it
    await page.waitForSelector('.hall-notice');
    expect(await page.locator('.hall-notice').textContent()).toMatch(/^申请已提交。受理编号 \S+，查询码 \S+，请妥善保存。$/);
    const caseId = decodeURIComponent(/#cases\/([^?]+)/.exec(page.url())?.[1] ?? '');
    const submitted = (await api.call('applicant', 'GET', `/api/cases/${caseId}`)).body;
    expect(submitted).toMatchObject({ title: '食品经营许可·李明小吃店', status: 'running' });
    expect(submitted.attachments.map((item: { name: string; material: string }) => [item.material, item.name])).toEqual(Object.entries(files).map(([material, file]) => [material, file.name]));
    expect(await page.locator('.case-facts dd[data-fact=status]').textContent()).toBe('办理中');
    expect(await page.locator('.case-facts dd[data-fact=step]').textContent()).toBe('受理');
    expect(await page.locator('.case-facts dd[data-fact=due]').textContent()).toBe('受理后起算');
    expect(await page.locator('#my-documents li a').allTextContents()).toEqual(Object.values(files).map((file) => file.name));

    // the window opens the uploaded files from the inbox and gets exactly what was uploaded
    const accept = submitted.currentSteps[0];
    const clerk = await signedInPage(browser, api.url, 'clerk', `inbox.html?task=${accept.taskId}`);
    const detail = clerk.locator(`article.task-detail[data-task-id="${accept.taskId}"]`);
    await detail.waitFor();
    const [download] = await Promise.all([clerk.waitForEvent('download'), detail.locator('table.attachments a.download', { hasText: '营业执照.pdf' }).click()]);
    expect(sha256(await readFile(await download.path()))).toBe(sha256(files['business-licence'].buffer));
    await clerk.context().close();
    const reason = '营业执照副本已过有效期，请提交在有效期内的副本';
    await complete('clerk', caseId, 'accept', { decision: 'supplement', comment: '请一次性补正以下材料', data: { missingMaterials: [{ material: 'business-licence', reason }] } });

    // the applicant is told, and is asked exactly that material
    await page.click('.hall-tabs a[href="#notifications"]');
    await page.waitForSelector('.notification-list li[data-kind="case.supplement-requested"]');
    expect(await page.locator('.notification-list li[data-kind="case.supplement-requested"] strong').textContent()).toBe('补正告知');
    await page.click('.notification-list li[data-kind="case.supplement-requested"] a');
    await page.waitForSelector('form.supplement-answer');
    expect(await page.locator('.case-facts dd[data-fact=step]').textContent()).toBe('等待您补正材料');
    expect(await page.locator('form.supplement-answer .requested-materials li').allTextContents()).toEqual([`营业执照：${reason}`]);
    expect(await page.locator('form.supplement-answer .material-upload').count()).toBe(1);
    await expectFitsAndAccessible(page, 'supplement');
    const renewed = pdf('营业执照（有效期内）.pdf');
    await page.setInputFiles('.material-upload[data-material=business-licence] input[type=file]', renewed);
    await page.waitForSelector('.material-upload[data-material=business-licence] .uploaded-files li');
    await page.click('#submit-supplement');
    await page.waitForSelector('.hall-notice');
    expect(await page.locator('.hall-notice').textContent()).toBe('补正材料已提交，办理时限恢复计算。');
    expect(await page.locator('form.supplement-answer').count()).toBe(0);
    expect(await page.locator('.supplement-request').getAttribute('data-state')).toBe('answered');
    const answered = (await api.call('applicant', 'GET', `/api/cases/${caseId}`)).body;
    expect(answered.awaiting).toEqual([]);
    expect(answered.attachments.at(-1)).toMatchObject({ name: renewed.name, material: 'business-licence', checksum: `sha256:${sha256(renewed.buffer)}` });

    // granted, the licence issued as a file the window uploads; the applicant reads the outcome and downloads it
    await complete('clerk', caseId, 'accept', { decision: 'accept' });
    await complete('clerk', caseId, 'review', { decision: 'pass' });
    await complete('chief', caseId, 'check', { decision: 'pass' });
    await complete('leader', caseId, 'decide', { decision: 'grant', data: { licenceNo: 'JY13301020001' } });
    const licence = await api.upload('clerk', pdf('食品经营许可证.pdf').buffer, '食品经营许可证.pdf');
    expect(licence.status).toBe(201);
    await complete('clerk', caseId, 'issue', { decision: 'issued', attachments: [{ file: licence.body.id }] });
    await page.click('.hall-tabs a[href="#cases"]');
    await page.waitForSelector(`.case-card[data-case-id="${caseId}"][data-status=completed]`);
    expect(await page.locator(`.case-card[data-case-id="${caseId}"] dd[data-fact=status]`).textContent()).toBe('已办结');
    await page.click(`.case-card[data-case-id="${caseId}"] h2 a`);
    await page.waitForSelector('.case-facts[data-status=completed]');
    expect(await page.locator('.case-facts dd[data-fact=outcome]').textContent()).toBe('办结');
    expect(await page.locator('.collection p').textContent()).toBeTruthy();
    const [issued] = await Promise.all([page.waitForEvent('download'), page.locator('#issued-documents a', { hasText: '食品经营许可证.pdf' }).click()]);
    expect(sha256(await readFile(await issued.path()))).toBe(sha256(pdf('食品经营许可证.pdf').buffer));
    expect(await page.locator('#withdraw').count()).toBe(0);
    await expectFitsAndAccessible(page, 'decided');
    await page.click('.hall-tabs a[href="#notifications"]');
    await page.waitForSelector('.notification-list li[data-kind="case.decided"]');
    expect(await page.locator('.notification-list li[data-kind="case.decided"] p').textContent()).toContain('您的申请已办结');
    await expectFitsAndAccessible(page, 'notifications');

    // 好差评: the applicant rates the handling 不满意, which must say why
    await page.click('.hall-tabs a[href="#cases"]');
    await page.click(`.case-card[data-case-id="${caseId}"] h2 a`);
    const rating = page.locator('form.rating-form[data-stage=completion]');
    await rating.waitFor();
    expect(await rating.locator('legend').textContent()).toBe('您对本事项的办理满意吗？');
    expect(await rating.locator('.rating-score').allTextContents()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await rating.locator('.rating-score', { hasText: /^不满意$/ }).click();
    await rating.locator('button[type=submit]').click();
    expect(await rating.locator('[data-error-for="/comment"]').textContent()).toBe('请说明不满意的原因，以便部门整改。');
    const complaint = '咨询电话一直无人接听，审批等待时间过长';
    await rating.locator('textarea[name=comment]').fill(complaint);
    await rating.locator('button[type=submit]').click();
    await page.waitForSelector('.hall-notice');
    expect(await page.locator('.hall-notice').textContent()).toBe('感谢您的评价。您反映的问题已转办理部门整改，答复后将通知您。');
    const given = page.locator('.rating-list li[data-stage=completion]');
    expect(await given.locator('strong').first().textContent()).toBe('办理服务：不满意');
    expect(await given.locator('.rating-comment').textContent()).toBe(complaint);
    expect(await given.locator('.follow-up[data-state=waiting]').textContent()).toMatch(/^部门整改中，应于 \d{4}-\d{2}-\d{2} 前答复。$/);
    expect(await page.locator('form.rating-form[data-stage=completion]').count()).toBe(0);
    await expectFitsAndAccessible(page, 'rated');

    // the follow-up (差评整改) is on the supervision board, for the office and the department
    const followUp = (await api.call('applicant', 'GET', `/api/cases/${caseId}`)).body;
    const noticeId = (await api.call('supervisor', 'GET', '/api/supervision/notices?awaitingReply=true')).body.items.find((notice: { caseId: string }) => notice.caseId === caseId).id;
    expect(followUp.ratings[0].followUp.reply).toBeNull();
    const office = await signedInPage(browser, api.url, 'supervisor', 'supervision.html#notices');
    const row = office.locator(`tr[data-notice-id="${noticeId}"]`);
    await row.waitFor();
    expect(await row.locator('.sup-follow-up').textContent()).toBe('差评整改');
    expect(await row.locator('td').nth(3).textContent()).toContain(complaint);
    expect(await row.getAttribute('data-status')).toBe('awaiting-reply');
    // and on the case page, beside the 补正 asked
    await row.locator('td a').first().click();
    const ratedPanel = office.locator('.ratings-panel li[data-stage=completion]');
    await ratedPanel.waitFor();
    expect(await ratedPanel.locator('strong').first().textContent()).toBe('办理服务：不满意');
    expect(await ratedPanel.locator('.follow-up').getAttribute('data-state')).toBe('waiting');
    await office.context().close();

    // the department answers a month later, past its 15 working days: late, and a red card
    ahead = 30 * 24 * 3600_000;
    const department = await signedInPage(browser, api.url, 'clerk', 'supervision.html#notices');
    const late = department.locator(`tr[data-notice-id="${noticeId}"]`);
    await late.waitFor();
    expect(await late.locator('.card').textContent()).toBe('已逾期未回复');
    await late.locator('details summary').click();
    const answer = '已安排专人值守咨询电话，并将审查环节压缩至5个工作日';
    await late.locator('textarea[name=explanation]').fill(answer);
    await late.locator('button[type=submit]').click();
    await department.locator(`tr[data-notice-id="${noticeId}"][data-status=replied-late]`).waitFor();
    await department.context().close();
    const board = await signedInPage(browser, api.url, 'supervisor', 'supervision.html#alerts');
    const card = board.locator('table.sup-alerts tbody tr', { hasText: '差评整改' });
    await card.waitFor();
    expect(await card.getAttribute('data-level')).toBe('red');
    expect(await card.textContent()).toContain('食品经营许可·李明小吃店');
    await shot(board, 'follow-up-red-card');
    await board.context().close();

    // 回访: the applicant reads the answer, and is told of it
    await page.reload();
    await page.waitForSelector('.rating-list .follow-up[data-state=answered]');
    expect(await page.locator('.rating-list .follow-up[data-state=answered]').textContent()).toContain(answer);
    await page.click('.hall-tabs a[href="#notifications"]');
    await page.waitForSelector('.notification-list li[data-kind="rating.replied"]');
    expect(await page.locator('.notification-list li[data-kind="rating.replied"] strong').textContent()).toBe('评价回访');
    await expectFitsAndAccessible(page, 'follow-up-answered');
    await page.context().close();
  });

  it(`keeps a draft with its uploads across a reload, refuses a file of a type the material does not take, and withdraws after confirming (${device})`, async () => {
    const page = await applicantPage('hall.html#apply/licensing-general');
    await page.waitForSelector('form.application');
    await page.fill('#field-applicantName', '街角面馆');
    await page.fill('#field-businessScope', '面食制售');
    await page.setInputFiles('.material-upload[data-material=application-form] input[type=file]', pdf('申请书-草稿.pdf'));
    await page.waitForSelector('.material-upload[data-material=application-form] .uploaded-files li');
    // a GIF is not among the types the application form takes: refused, and nothing is added
    await page.setInputFiles('.material-upload[data-material=business-licence] input[type=file]', { name: '营业执照.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') });
    await page.waitForSelector('.material-upload[data-material=business-licence] .upload-status.error');
    expect(await page.locator('.material-upload[data-material=business-licence] .upload-status').textContent()).toMatch(/^营业执照\.gif 的文件类型不符合要求，未上传/);
    expect(await page.locator('.material-upload[data-material=business-licence] .uploaded-files li').count()).toBe(0);

    await page.reload();
    await page.waitForSelector('form.application');
    expect(await page.locator('.draft-state').textContent()).toMatch(/^已恢复 .* 保存的草稿。$/);
    expect(await page.inputValue('#field-applicantName')).toBe('街角面馆');
    expect(await page.inputValue('#field-businessScope')).toBe('面食制售');
    expect(await page.locator('.material-upload[data-material=application-form] .uploaded-files li a').textContent()).toBe('申请书-草稿.pdf');

    await page.setInputFiles('.material-upload[data-material=business-licence] input[type=file]', pdf('营业执照.pdf'));
    await page.setInputFiles('.material-upload[data-material=premises-proof] input[type=file]', pdf('租赁合同.pdf'));
    await page.waitForSelector('.material-upload[data-material=premises-proof] .uploaded-files li');
    await page.waitForSelector('.material-upload[data-material=business-licence] .uploaded-files li');
    await page.click('#submit-application');
    await page.waitForSelector('#withdraw');
    const caseId = decodeURIComponent(/#cases\/([^?]+)/.exec(page.url())?.[1] ?? '');

    // withdrawing asks first; cancelling changes nothing
    await page.click('#withdraw');
    await page.waitForSelector('dialog.action-dialog[open]');
    expect(await page.locator('dialog.action-dialog h3').textContent()).toBe('撤回后本次申请终止办理，不可恢复。确定撤回吗？');
    await expectFitsAndAccessible(page, 'withdraw');
    await page.click('dialog.action-dialog button[type=button]');
    expect((await suite.api.call('applicant', 'GET', `/api/cases/${caseId}`)).body.status).toBe('running');
    await page.click('#withdraw');
    await page.fill('dialog.action-dialog textarea[name=reason]', '经营场所变更，重新申请');
    await page.click('dialog.action-dialog button[type=submit]');
    await page.waitForSelector('.case-facts[data-status=withdrawn]');
    expect(await page.locator('.hall-notice').textContent()).toBe('申请已撤回。');
    expect(await page.locator('.case-facts dd[data-fact=status]').textContent()).toBe('已撤回');
    expect(await page.locator('#withdraw').count()).toBe(0);
    // the submitted draft is gone: applying again starts afresh
    await page.goto(`${suite.api.url}/hall.html#apply/licensing-general`);
    await page.waitForSelector('form.application');
    expect(await page.inputValue('#field-applicantName')).toBe('');
    await page.context().close();
  });
});
