import { BSON } from 'mongodb';
import { maxCaseBytes } from '../../../engine/runtime/case-size';
import { applicant, clerk, useGovflowWithApprovalProcess } from '../../support/engine-fixture';

/** A case that would outgrow what one case may hold is refused with a 409 that says so, long before MongoDB's 16 MB, and stays as it was. */
describe('a case that grows too large', () => {
  const engine = useGovflowWithApprovalProcess();

  it('is refused with 409 and left unchanged; smaller work on it goes on', async () => {
    const govflow = engine();
    const { result } = await govflow.cases.start({ processKey: 'general-approval', title: '很大的案件', data: {} }, applicant);
    const before = await govflow.store.models.cases.findById(result.id).lean();
    const taskId = before!.openTasks[0].id;
    // form data becomes process variables, stored in every revision: 5 MB of it is more than a case may hold
    const huge = { notes: 'x'.repeat(5 * 1024 * 1024) };
    const refused = await govflow.tasks.complete(taskId, { decision: 'accept', data: huge }, clerk).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409, code: 'case-too-large' });
    expect((refused as Error).message).toMatch(new RegExp(`${before!.receiptNo} would grow to 5\\.\\d MB, beyond the 4\\.0 MB`));

    const after = await govflow.store.models.cases.findById(result.id).lean();
    expect(after?.rev).toBe(before?.rev);
    expect(await govflow.store.models.caseRevisions.countDocuments({ caseId: result.id, claim: { $ne: true } })).toBe(1);
    expect((await govflow.auditLog.entries(result.id)).map((entry) => entry.action)).toEqual(['case.started']);

    const done = await govflow.tasks.complete(taskId, { decision: 'accept', data: { notes: 'x'.repeat(1024) } }, clerk);
    expect(done.nextTasks).toHaveLength(1);
    expect(BSON.calculateObjectSize((await govflow.store.models.cases.findById(result.id).lean())!)).toBeLessThan(maxCaseBytes);
  });
});
