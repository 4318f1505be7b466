import { MaintenanceWorker } from '../../../engine';
import { caseHead } from '../../../engine/cases';
import { CaseLedger, claimId, revisionId } from '../../../engine/store/case-ledger';
import { applicant, clerk, useGovflowWithApprovalProcess } from '../../support/engine-fixture';

/**
 * A crash between writing a case (state + outbox) and applying its outbox leaves projections
 * behind the case's newest revision. These tests put a case in exactly that state — projections missing,
 * outbox pending — and check every path that repairs it.
 */
describe('repairing an outbox left behind by a crash', () => {
  // a node restarted after a crash holds no live engines: this one keeps none, as if restarted before every command
  const engine = useGovflowWithApprovalProcess({ liveCases: 0 });

  /** A case whose last command's effects were written to its outbox but never applied. */
  async function crashedAfterWrite(): Promise<{ caseId: string; rev: number }> {
    const govflow = engine();
    const { models } = govflow.store;
    const { result } = await govflow.cases.start({ processKey: 'general-approval', title: '崩溃', data: {} }, applicant);
    const record = await models.cases.findById(result.id).lean();
    await govflow.tasks.complete(record!.openTasks[0].id, { decision: 'accept' }, clerk);
    const after = await models.cases.findById(result.id).lean();
    await models.tasks.deleteMany({ caseId: result.id });
    await models.audit.deleteOne({ caseId: result.id, seq: after!.auditHead.seq });
    const previous = await models.caseRevisions.findById(revisionId(result.id, after!.rev - 1)).lean();
    const { caseId: _caseId, ...previousState } = previous!;
    await models.cases.replaceOne({ _id: result.id }, caseHead({ ...previousState, _id: result.id }));
    await claimPending(result.id, after!.rev);
    return { caseId: result.id, rev: after!.rev };
  }

  /** What the command left before it crashed: the claim marking its revision's outbox unapplied. */
  function claimPending(caseId: string, rev: number) {
    return engine().store.collections.caseRevisions.insertOne({ _id: claimId(caseId, rev), caseId, rev, claim: true, at: new Date(Date.now() - 60_000) });
  }

  /** The case's claims still in the store, once the deletions commands leave running have gone out. */
  async function claims(caseId: string): Promise<number> {
    await engine().executor.settled();
    return engine().store.collections.caseRevisions.countDocuments({ caseId, claim: true });
  }

  async function latestRevision(caseId: string) {
    return (await new CaseLedger(engine().store.collections).latest(caseId))?.record;
  }

  async function expectRepaired(caseId: string): Promise<void> {
    const govflow = engine();
    const { models } = govflow.store;
    const revision = await latestRevision(caseId);
    expect(await claims(caseId)).toBe(0);
    const record = await models.cases.findById(caseId).lean();
    expect(record?.rev).toBe(revision?.rev);
    const open = await models.tasks.find({ caseId, status: 'open' }).lean();
    expect(open.map((task) => task.stepId)).toEqual(record!.openTasks.map((task) => task.stepId));
    expect(await models.tasks.countDocuments({ caseId, status: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(await govflow.auditLog.verify(caseId)).toMatchObject({ ok: true });
  }

  it('is detected: the chain is short of the head while the outbox waits', async () => {
    const govflow = engine();
    const { caseId } = await crashedAfterWrite();
    expect((await govflow.auditLog.verify(caseId)).ok).toBe(false);
    expect(await govflow.store.models.tasks.countDocuments({ caseId })).toBe(0);
  });

  it('is repaired by the sweep', async () => {
    const govflow = engine();
    const { caseId } = await crashedAfterWrite();
    expect(await govflow.executor.repair()).toBeGreaterThanOrEqual(1);
    await expectRepaired(caseId);
  });

  it('goes on with the other cases when one outbox cannot be applied, which stays pending for the next sweep', async () => {
    const govflow = engine();
    const { cases } = govflow.store.models;
    const blocked = await crashedAfterWrite();
    const fine = await crashedAfterWrite();
    // a head the store refuses, as a database carrying an old unique index on receipt numbers did
    const head = await cases.findById(blocked.caseId).lean();
    await cases.deleteOne({ _id: blocked.caseId });
    await cases.collection.insertOne({ ...head!, _id: `imposter-${blocked.caseId}` } as never);
    await cases.collection.dropIndex('receiptNo_1');
    await cases.collection.createIndex({ receiptNo: 1 }, { unique: true, name: 'legacy_receiptNo_unique' });
    try {
      await expect(govflow.executor.repair()).resolves.toBeGreaterThanOrEqual(1);
      expect(await claims(fine.caseId)).toBe(0);
      expect(await claims(blocked.caseId)).toBe(1);
      await expect(govflow.executor.repair({ caseId: blocked.caseId })).rejects.toThrow(/duplicate key/);
    } finally {
      await cases.collection.dropIndex('legacy_receiptNo_unique');
      await cases.collection.createIndex({ receiptNo: 1 }, { name: 'receiptNo_1' });
      await cases.deleteOne({ _id: `imposter-${blocked.caseId}` });
    }
    await govflow.executor.repair({ caseId: blocked.caseId });
    expect(await claims(blocked.caseId)).toBe(0);
  });

  it('is repaired by the next command on the case before it runs', async () => {
    const govflow = engine();
    const { caseId } = await crashedAfterWrite();
    const revision = await latestRevision(caseId);
    await govflow.tasks.claim(revision!.openTasks[0].id, clerk);
    await expectRepaired(caseId);
    expect((await govflow.auditLog.entries(caseId)).map((entry) => entry.action)).toEqual(['case.started', 'task.completed', 'task.claimed']);
  });

  it('is repaired by the worker through its BullMQ schedule', async () => {
    const govflow = engine();
    const { caseId } = await crashedAfterWrite();
    const worker = await MaintenanceWorker.start(govflow, { repairEveryMs: 200 });
    try {
      for (let wait = 0; wait < 100; wait++) {
        if ((await claims(caseId)) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await expectRepaired(caseId);
    } finally {
      await worker.close();
    }
  });

  it('clears a claim whose revision a crash never wrote, on the next command and in the sweep', async () => {
    const govflow = engine();
    const { models } = govflow.store;
    const { result } = await govflow.cases.start({ processKey: 'general-approval', title: '孤立的认领', data: {} }, applicant);
    await claimPending(result.id, 2);
    const task = (await models.cases.findById(result.id).lean())!.openTasks[0];
    await govflow.tasks.claim(task.id, clerk);
    expect((await latestRevision(result.id))?.rev).toBe(2);
    expect(await claims(result.id)).toBe(0);

    await claimPending(result.id, 3);
    await govflow.executor.repair();
    expect(await claims(result.id)).toBe(0);
    expect(await govflow.cases.verifyAudit(result.id)).toEqual({ ok: true, entries: 2 });
  });

  it('applies an effect twice without changing anything', async () => {
    const govflow = engine();
    const { caseId, rev } = await crashedAfterWrite();
    await govflow.executor.repair({ caseId });
    const tasksBefore = await govflow.store.models.tasks.find({ caseId }).sort({ _id: 1 }).lean();
    await claimPending(caseId, rev);
    await govflow.executor.repair({ caseId });
    expect(await govflow.store.models.tasks.find({ caseId }).sort({ _id: 1 }).lean()).toEqual(tasksBefore);
    expect(await govflow.auditLog.verify(caseId)).toMatchObject({ ok: true, entries: 2 });
  });
});
