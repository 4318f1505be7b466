import { applicant, clerk, useGovflowWithApprovalProcess } from '../../support/engine-fixture';

describe('audit verification against the stored log', () => {
  const engine = useGovflowWithApprovalProcess();

  async function caseWithHistory(): Promise<string> {
    const govflow = engine();
    const { result } = await govflow.cases.start({ processKey: 'general-approval', title: '审计', data: {} }, applicant);
    let next = await govflow.store.models.cases.findById(result.id).lean();
    for (const decision of ['accept', 'pass']) {
      await govflow.tasks.complete(next!.openTasks[0].id, { decision, comment: `意见 ${decision}` }, clerk);
      next = await govflow.store.models.cases.findById(result.id).lean();
    }
    // the last revision's claim goes in the background; until it has, verify would repair (re-apply) the outbox first
    await govflow.executor.settled();
    return result.id;
  }

  it('finds a stored entry edited in the database', async () => {
    const govflow = engine();
    const caseId = await caseWithHistory();
    expect(await govflow.cases.verifyAudit(caseId)).toEqual({ ok: true, entries: 3 });
    await govflow.store.models.audit.updateOne({ caseId, seq: 2 }, { $set: { comment: '篡改' } });
    expect(await govflow.cases.verifyAudit(caseId)).toMatchObject({ ok: false, problem: { seq: 2 } });
  });

  it('finds a deleted entry, including the last one', async () => {
    const govflow = engine();
    const caseId = await caseWithHistory();
    await govflow.store.models.audit.deleteOne({ caseId, seq: 3 });
    expect(await govflow.cases.verifyAudit(caseId)).toMatchObject({ ok: false });
    const other = await caseWithHistory();
    await govflow.store.models.audit.deleteOne({ caseId: other, seq: 2 });
    expect(await govflow.cases.verifyAudit(other)).toMatchObject({ ok: false, problem: { seq: 3 } });
  });

  it('finds swapped sequence numbers', async () => {
    const govflow = engine();
    const caseId = await caseWithHistory();
    const { models } = govflow.store;
    await models.audit.updateOne({ caseId, seq: 2 }, { $set: { seq: -2 } });
    await models.audit.updateOne({ caseId, seq: 3 }, { $set: { seq: 2 } });
    await models.audit.updateOne({ caseId, seq: -2 }, { $set: { seq: 3 } });
    expect((await govflow.cases.verifyAudit(caseId)).ok).toBe(false);
  });
});
