import { randomBytes } from 'node:crypto';
import { systemActor, type Govflow } from '../../../engine';
import { applicant, clerk } from '../../support/engine-fixture';
import { bpmn, createTestGovflow } from '../../support/test-govflow';

/**
 * Each node keeps the engines of cases it changed last. Two nodes on one store take turns on
 * the same case: a node must notice the revision the other wrote and never act on its own stale
 * engine.
 */
describe('live engines across two nodes', () => {
  const dbName = `live_${randomBytes(4).toString('hex')}`;
  let nodeA: Govflow;
  let nodeB: Govflow;
  const leader = { ...clerk, username: 'chief', groups: ['leader@market-bureau'] };

  beforeAll(async () => {
    [nodeA, nodeB] = await Promise.all([createTestGovflow({ dbName }), createTestGovflow({ dbName })]);
    await nodeA.deploy(bpmn('general-approval.bpmn'), systemActor);
  });
  afterAll(async () => {
    await nodeA.store.connection.dropDatabase();
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('follows revisions written by the other node', async () => {
    const { result } = await nodeA.startCase({ processKey: 'general-approval', title: '两个节点', data: {} }, applicant);
    const first = (await nodeA.store.models.cases.findById(result.id).lean())!.openTasks[0];

    const accepted = await nodeA.completeTask(first.id, { decision: 'accept' }, clerk);
    const reviewed = await nodeB.completeTask(accepted.nextTasks[0].id, { decision: 'pass' }, clerk);
    // node A's live engine still waits at "review"; it must load the revision node B wrote
    const decided = await nodeA.completeTask(reviewed.nextTasks[0].id, { decision: 'grant' }, leader);
    expect(decided.caseStatus).toBe('completed');

    const stale = await nodeB.completeTask(reviewed.nextTasks[0].id, { decision: 'deny' }, leader).catch((error: Error) => error);
    expect(stale).toMatchObject({ status: 409 });
    expect((await nodeA.auditLog.entries(result.id)).map((entry) => `${entry.actor}:${entry.decision ?? ''}`)).toEqual([
      'zhang:',
      'li:accept',
      'li:pass',
      'chief:grant',
    ]);
    expect(await nodeB.verifyAudit(result.id)).toEqual({ ok: true, entries: 4 });
  });

  it('keeps a live engine unchanged when a command is refused', async () => {
    const { result } = await nodeA.startCase({ processKey: 'general-approval', title: '拒绝后', data: {} }, applicant);
    const task = (await nodeA.store.models.cases.findById(result.id).lean())!.openTasks[0];
    await expect(nodeA.completeTask(task.id, { decision: 'maybe' }, clerk)).rejects.toMatchObject({ status: 422 });
    const done = await nodeA.completeTask(task.id, { decision: 'refuse' }, clerk);
    expect(done).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
  });
});
