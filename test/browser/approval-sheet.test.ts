import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addScenarioStaff, applyForLicence, scenario } from '../scenarios/scenario-support';
import { seriousViolations } from '../support/accessibility';
import { screenshot, screenshotDir, signedInPage, useBrowserWithProcess } from '../support/browser';

/**
 * The 审批单 a clerk prints from the case page: the application form and the decision step's
 * form as filled in, every opinion with its signer's name and time, the outcome — on screen, and
 * as the PDF Chromium prints, on A4 without the application's header.
 */
describe('the approval sheet in headless Chromium', () => {
  const suite = useBrowserWithProcess('licensing-general.bpmn');
  beforeAll(() => addScenarioStaff(suite.api));

  it('prints a decided licence with its forms, every opinion by name and time, and the outcome', async () => {
    const s = scenario(suite.api);
    const started = await applyForLicence(s, '食品经营许可·审批单');
    await s.done('clerk2', started.id, 'accept', { decision: 'accept', comment: '材料齐全，予以受理' });
    await s.done('clerk', started.id, 'review', { decision: 'pass', comment: '经营场所布局合理，建议准予' });
    await s.done('chief', started.id, 'check', { decision: 'pass', comment: '同意审查意见' });
    await s.done('leader', started.id, 'decide', { decision: 'grant', comment: '准予许可', data: { licenceNo: 'JY13101010000001' } });

    const page = await signedInPage(suite.browser, suite.api.url, 'clerk', `case.html?id=${started.id}`);
    await page.click('#approval-sheet-link');
    await page.waitForSelector('article.approval-sheet');
    expect(await page.locator('.approval-sheet h1').textContent()).toBe('行政许可（一般程序）审批单');
    const facts = await page.locator('table.sheet-facts tr').allTextContents();
    expect(facts).toEqual(expect.arrayContaining([`受理编号${started.receiptNo}`, '办件名称食品经营许可·审批单', '申请人李明', '办件状态办理中']));
    expect(await page.locator('.sheet-form[data-step=application] tr').allTextContents()).toEqual(['申请人名称某某餐饮有限公司', '经营项目热食类食品制售']);
    expect(await page.locator('.sheet-form[data-step=decide] tr').allTextContents()).toEqual(['许可证编号JY13101010000001']);
    const opinions = await page.locator('table.sheet-opinions tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 4).map((cell) => cell.textContent)));
    expect(opinions).toEqual([
      ['受理', '受理', '材料齐全，予以受理', '刘洋'],
      ['审查', '通过', '经营场所布局合理，建议准予', '张伟'],
      ['审核', '通过', '同意审查意见', expect.any(String)],
      ['决定', '准予许可', '准予许可', '郑国强'],
    ]);
    expect(await page.locator('table.sheet-opinions tbody tr td:last-child').allTextContents()).toEqual(Array(4).fill(expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)));
    await screenshot(page, 'approval-sheet');
    expect(await seriousViolations(page)).toEqual([]);

    // the PDF: the sheet alone, on A4
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isHidden()).toBe(true);
    expect(await page.locator('#print-sheet').isHidden()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(join(screenshotDir, 'approval-sheet.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.context().close();

    // the applicant has the hall, not the staff's sheet
    const applicant = await signedInPage(suite.browser, suite.api.url, 'applicant', `case.html?id=${started.id}`);
    await applicant.waitForSelector('.case-header h1');
    expect(await applicant.locator('#approval-sheet-link').count()).toBe(0);
    expect((await suite.api.call('applicant', 'GET', `/api/cases/${started.id}/approval-sheet`)).status).toBe(403);
    expect((await suite.api.call('outsider', 'GET', `/api/cases/${started.id}/approval-sheet`)).status).toBe(404);
    await applicant.context().close();
  });
});
