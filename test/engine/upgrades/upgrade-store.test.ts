import { randomBytes } from 'node:crypto';
import { systemActor, type Govflow } from '../../../engine';
import { revisionId } from '../../../engine/store/case-ledger';
import { applicant, clerk } from '../../support/engine-fixture';
import { bpmn, createTestGovflow, passwordOf } from '../../support/test-govflow';

/**
 * A database written by the govflow before this one — claims in pending_outboxes, projections
 * without their list keys, applicant or their case's departments, unique compound indexes — is brought along when a node starts on it:
 * nothing open drops out of an inbox and an outbox left behind is still repaired.
 */
const office = { username: 'office', roles: ['supervisor' as const], department: 'supervision-office', groups: [] };

describe('a database from an earlier govflow', () => {
  const dbName = `upgrade_${randomBytes(4).toString('hex')}`;
  let caseId: string;
  let rev: number;

  beforeAll(async () => {
    const earlier = await createTestGovflow({ dbName });
    await earlier.definitions.deploy(bpmn('general-approval.bpmn'), systemActor);
    const { result } = await earlier.cases.start({ processKey: 'general-approval', title: '升级前', data: {} }, applicant);
    const task = (await earlier.cases.get(result.id, clerk)).currentSteps[0].taskId!;
    await earlier.tasks.complete(task, { decision: 'accept' }, clerk);
    await earlier.users.add({ username: 'clerk2', password: passwordOf('clerk2'), roles: ['clerk'], department: 'market-bureau' });
    await earlier.cases.copy(result.id, ['clerk2'], [], undefined, clerk);
    const notice = await earlier.supervision.sendNotice({ caseId: result.id }, 'market-bureau', '请说明', '5WD', office);
    await earlier.supervision.replyNotice(notice.id, '已说明', clerk);
    caseId = result.id;
    rev = (await earlier.store.models.cases.findById(caseId).lean())!.rev;
    await writtenTheEarlierWay(earlier);
    await earlier.close();
  });

  /** Turns the database into what the earlier govflow left: its shapes, its indexes, an outbox a crash left unapplied. */
  async function writtenTheEarlierWay(earlier: Govflow): Promise<void> {
    const db = earlier.store.connection.db!;
    await db.collection('upgrades').drop();
    await db.collection('tasks').updateMany({}, { $unset: { holder: '', queue: '', doneKey: '', applicant: '', openUnits: '' } });
    await db.collection('cases').updateMany({}, { $unset: { copyKeys: '' } });
    await db.collection('notifications').updateMany({}, { $unset: { audienceKeys: '' } });
    await db.collection('notices').updateMany({}, { $unset: { awaitingReview: '' } });
    // an incident of the case and a failed start, from before incidents carried their case's departments
    await db.collection<{ _id: string; caseId: string | null; status: string }>('incidents').insertMany([
      { _id: 'incident~of-the-case', caseId, status: 'open' },
      { _id: 'incident~of-a-start', caseId: null, status: 'open' },
    ]);
    await db.collection('audit').dropIndex('caseId_1_seq_1');
    await db.collection('audit').createIndex({ caseId: 1, seq: 1 }, { unique: true });
    await db.collection('tasks').dropIndexes();
    await db.collection('tasks').createIndex({ status: 1, candidateGroups: 1 }, { name: 'status_1_candidateGroups_1' });
    // the last command's outbox never applied: its audit entry missing, its claim where claims were kept
    await db.collection('audit').deleteOne({ caseId, seq: rev });
    await db.collection<{ _id: string; caseId: string; rev: number; at: Date }>('pending_outboxes').insertOne({ _id: revisionId(caseId, rev), caseId, rev, at: new Date(Date.now() - 60_000) });
  }

  it('starts on it, keeping every open task in its inbox and repairing the outbox left behind', async () => {
    const govflow = await createTestGovflow({ dbName });
    try {
      const db = govflow.store.connection.db!;
      expect((await db.collection('upgrades').find({}).toArray()).map((upgrade) => upgrade._id)).toHaveLength(6);
      // the notice answered before replies were reviewed waits for the office's review
      expect((await govflow.supervision.listNotices(office, { awaitingReview: true })).items.map((notice) => notice.status)).toEqual(['replied']);
      const incidents = await db.collection('incidents').find({}, { sort: { _id: 1 } }).toArray();
      expect(incidents.map((incident) => [incident._id, incident.departments])).toEqual([
        ['incident~of-a-start', undefined],
        ['incident~of-the-case', ['market-bureau']],
      ]);
      expect(await db.listCollections({ name: 'pending_outboxes' }).toArray()).toEqual([]);
      const claimable = await govflow.tasks.list(clerk, 'claimable');
      expect(claimable.items.map((task) => `${task.caseId} ${task.stepId}`)).toEqual([`${caseId} review`]);
      // the open step is the department's work again and names its applicant; the closed one is no one's
      const leader = { username: 'leader', roles: ['leader' as const], department: 'market-bureau', groups: ['leader@market-bureau'] };
      const department = await govflow.tasks.list(leader, 'department', undefined, { title: '升级前' });
      expect(department.items.map((task) => `${task.stepId} ${task.applicant} ${task.openUnits.join()}`)).toEqual([`review ${applicant.username} market-bureau`]);
      expect((await govflow.tasks.listDone(clerk, { limit: 10 })).total).toBe(1);
      const copied = await govflow.cases.list({ ...clerk, username: 'clerk2', groups: [] }, 'copied');
      expect(copied.items.map((item) => item.id)).toEqual([caseId]);
      expect((await db.collection('audit').indexes()).find((index) => index.name === 'caseId_1_seq_1')?.unique).toBeUndefined();

      expect((await govflow.auditLog.verify(caseId)).ok).toBe(false);
      expect(await govflow.executor.repair({ olderThanMs: 0 })).toBe(1);
      expect(await govflow.auditLog.verify(caseId)).toEqual({ ok: true, entries: rev });
    } finally {
      await govflow.store.connection.dropDatabase();
      await govflow.close();
    }
  });
});
