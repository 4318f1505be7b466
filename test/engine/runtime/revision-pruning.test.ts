import { BSON } from 'mongodb';
import { revisionId } from '../../../engine/store/case-ledger';
import { applicant, clerk } from '../../support/engine-fixture';
import { useTwoNodes } from '../../support/two-nodes';

/**
 * A case that has ended keeps its newest revision whole and the earlier ones as stubs holding
 * only their ids: views, the audit chain, the diagram's trail and repair read nothing else, and
 * a node with a stale engine still cannot write a revision number anew.
 */
describe('revisions of an ended case', () => {
  const nodes = useTwoNodes('prune');
  const leader = { ...clerk, username: 'chief', groups: ['leader@market-bureau'] };


  async function revisions(caseId: string) {
    return nodes().nodeA.store.collections.caseRevisions.find({ caseId, claim: { $ne: true } }).sort({ rev: 1 }).toArray();
  }

  it('are cut down to stubs once it ends, the newest kept whole', async () => {
    const { nodeA, nodeB } = nodes();
    const { result } = await nodeA.cases.start({ processKey: 'general-approval', title: '办结', data: {} }, applicant);
    let task = (await nodeA.cases.get(result.id, clerk)).currentSteps[0].taskId!;
    for (const [decision, by] of [['accept', clerk], ['pass', clerk]] as const) task = (await nodeA.tasks.complete(task, { decision }, by)).nextTasks[0].id;
    const running = await revisions(result.id);
    expect(running.every((revision) => 'engineState' in revision)).toBe(true);
    const runningBytes = running.reduce((total, revision) => total + BSON.calculateObjectSize(revision), 0);

    await nodeA.tasks.complete(task, { decision: 'grant' }, leader);
    const ended = await revisions(result.id);
    expect(ended.map((revision) => [revision.rev, 'pruned' in revision])).toEqual([[1, true], [2, true], [3, true], [4, false]]);
    expect(ended.slice(0, 3).map((revision) => Object.keys(revision).sort())).toEqual([0, 1, 2].map(() => ['_id', 'caseId', 'pruned', 'rev']));
    expect(ended.reduce((total, revision) => total + BSON.calculateObjectSize(revision), 0)).toBeLessThan(runningBytes);
    // everything read of an ended case still reads
    expect(await nodeA.cases.verifyAudit(result.id)).toEqual({ ok: true, entries: 4 });
    expect((await nodeA.cases.diagram(result.id, clerk)).trail).toEqual(expect.arrayContaining(['accept', 'review', 'decide']));
    expect((await nodeB.cases.get(result.id, clerk)).status).toBe('completed');
  });

  it('keep their numbers taken against a node whose engine is older than the pruning', async () => {
    const { nodeA, nodeB } = nodes();
    const { result } = await nodeA.cases.start({ processKey: 'general-approval', title: '旧引擎', data: {} }, applicant);
    const first = (await nodeA.cases.get(result.id, clerk)).currentSteps[0].taskId!;
    // node A keeps its engine of revision 1 live; node B takes the case to its end
    const accepted = await nodeB.tasks.complete(first, { decision: 'refuse' }, clerk);
    expect(accepted.caseStatus).toBe('completed');
    expect((await revisions(result.id)).map((revision) => 'pruned' in revision)).toEqual([true, false]);

    // node A's live engine still waits at acceptance: its write of revision 2 must lose
    await expect(nodeA.tasks.complete(first, { decision: 'accept' }, clerk)).rejects.toMatchObject({ status: 409 });
    const after = await revisions(result.id);
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({ _id: revisionId(result.id, 2), status: 'completed' });
    expect((await nodeA.auditLog.entries(result.id)).map((entry) => `${entry.action}:${entry.decision ?? ''}`)).toEqual(['case.started:', 'task.completed:refuse']);
  });
});
