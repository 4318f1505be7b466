import { applicant, clerk } from '../../support/engine-fixture';
import { useTwoNodes } from '../../support/two-nodes';

/**
 * Each node keeps the engines of cases it changed last. Two nodes on one store take turns on
 * the same case: a node must notice the revision the other wrote and never act on its own stale
 * engine.
 */
describe('live engines across two nodes', () => {
  const nodes = useTwoNodes('live');
  const leader = { ...clerk, username: 'chief', groups: ['leader@market-bureau'] };

  it('follows revisions written by the other node', async () => {
    const { nodeA, nodeB } = nodes();
    const { result } = await nodeA.cases.start({ processKey: 'general-approval', title: '两个节点', data: {} }, applicant);
    const first = (await nodeA.store.models.cases.findById(result.id).lean())!.openTasks[0];

    const accepted = await nodeA.tasks.complete(first.id, { decision: 'accept' }, clerk);
    const reviewed = await nodeB.tasks.complete(accepted.nextTasks[0].id, { decision: 'pass' }, clerk);
    // node A's live engine still waits at "review"; it must load the revision node B wrote
    const decided = await nodeA.tasks.complete(reviewed.nextTasks[0].id, { decision: 'grant' }, leader);
    expect(decided.caseStatus).toBe('completed');

    const stale = await nodeB.tasks.complete(reviewed.nextTasks[0].id, { decision: 'deny' }, leader).catch((error: Error) => error);
    expect(stale).toMatchObject({ status: 409 });
    expect((await nodeA.auditLog.entries(result.id)).map((entry) => `${entry.actor}:${entry.decision ?? ''}`)).toEqual([
      'zhang:',
      'li:accept',
      'li:pass',
      'chief:grant',
    ]);
    expect(await nodeB.cases.verifyAudit(result.id)).toEqual({ ok: true, entries: 4 });
  });

  it('keeps a live engine unchanged when a command is refused', async () => {
    const { nodeA } = nodes();
    const { result } = await nodeA.cases.start({ processKey: 'general-approval', title: '拒绝后', data: {} }, applicant);
    const task = (await nodeA.store.models.cases.findById(result.id).lean())!.openTasks[0];
    await expect(nodeA.tasks.complete(task.id, { decision: 'maybe' }, clerk)).rejects.toMatchObject({ status: 422 });
    const done = await nodeA.tasks.complete(task.id, { decision: 'refuse' }, clerk);
    expect(done).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
  });
});
