import { join } from 'node:path';
import { StoreCommandLog } from '../../../bench/store-commands';
import { IncidentError, systemActor, type Govflow } from '../../../engine';
import { applicant, clerk } from '../../support/engine-fixture';
import { bpmn, createTestGovflow } from '../../support/test-govflow';
import { useTwoNodes } from '../../support/two-nodes';

/** 核定金额 → 金额判断 on the applicant's amount, which the step's form may correct (test/api/fixtures). */
const gatewayModel = bpmn(join(__dirname, '..', '..', 'api', 'fixtures', 'incident-gateway.bpmn'));

async function assessTask(govflow: Govflow, caseId: string): Promise<string> {
  return (await govflow.store.models.cases.findById(caseId).lean())!.openTasks[0].id;
}

/**
 * Incidents travel in the case's revisions, so the command path settles them from memory: a
 * case without one costs the store nothing more, a command that settles one adds a write beside
 * the projections it makes anyway, and a node holding an older live engine still sees them.
 */
describe('incidents on the command path', () => {
  describe('store round trips', () => {
    const log = new StoreCommandLog();
    let govflow: Govflow;

    beforeAll(async () => {
      // no live engines: both completions below read the case from the store alike
      govflow = await createTestGovflow({ liveCases: 0, onStoreCommand: log.listener });
      await govflow.definitions.deploy(gatewayModel, systemActor);
    });
    afterAll(async () => {
      await govflow.store.connection.dropDatabase();
      await govflow.close();
    });

    async function complete(kind: string, caseId: string): Promise<void> {
      const task = await assessTask(govflow, caseId);
      await govflow.executor.settled();
      await log.during(kind, () => govflow.tasks.complete(task, { data: { amount: 500 } }, clerk));
      // the claim's deletion runs after the answer: let it go before the next command is counted
      await govflow.executor.settled();
    }

    it('adds nothing to a command on a case without incidents, and one parallel write to the one that settles an incident', async () => {
      // given three plain cases and three whose first completion failed at 金额判断
      const plain: string[] = [];
      const failed: string[] = [];
      for (let i = 0; i < 3; i++) {
        plain.push((await govflow.cases.start({ processKey: 'incident-gateway', title: `无故障 ${i}`, data: { amount: 50 } }, applicant)).result.id);
        const broken = (await govflow.cases.start({ processKey: 'incident-gateway', title: `有故障 ${i}`, data: { amount: '很多' } }, applicant)).result.id;
        await expect(govflow.tasks.complete(await assessTask(govflow, broken), {}, clerk)).rejects.toBeInstanceOf(IncidentError);
        failed.push(broken);
      }

      // when each is completed with a number
      for (const id of plain) await complete('plain', id);
      for (const id of failed) await complete('settling', id);

      // then the settling completions send exactly one more command, and wait no longer in sequence
      const { plain: without, settling } = log.summary();
      expect(without.max).toBe(without.median);
      expect(settling.median).toBe(without.median + 1);
      expect(settling.sequentialMax).toBe(without.sequentialMax);
      expect((await govflow.incidents.list('open', { limit: 10, offset: 0 }, systemActor)).total).toBe(0);
      expect((await govflow.incidents.list('resolved', { limit: 10, offset: 0 }, systemActor)).total).toBe(3);
    });
  });

  describe('when the incident cannot be written', () => {
    let govflow: Govflow;

    beforeAll(async () => {
      govflow = await createTestGovflow();
      await govflow.definitions.deploy(gatewayModel, systemActor);
    });
    afterAll(async () => {
      await govflow.store.connection.dropDatabase();
      await govflow.close();
    });

    it('still answers the 409 naming the element, and the case stays as it was', async () => {
      const { result } = await govflow.cases.start({ processKey: 'incident-gateway', title: '意见过长', data: { amount: '很多' } }, applicant);
      const before = await govflow.store.models.cases.findById(result.id).lean();
      // the recorded command would carry a 7 MB opinion: its incident revision outgrows what a case may hold
      const failure = await govflow.tasks.complete(before!.openTasks[0].id, { comment: '很'.repeat(2_500_000) }, clerk).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(IncidentError);
      expect(failure).toMatchObject({ status: 409, code: 'incident', elementId: 'amountCheck', elementName: '金额判断', incidentId: null });
      const after = await govflow.store.models.cases.findById(result.id).lean();
      expect(after!.rev).toBe(before!.rev);
      expect(after!.incidents ?? []).toEqual([]);
      expect((await govflow.incidents.list('open', { limit: 10, offset: 0 }, systemActor)).total).toBe(0);
    });
  });

  describe('across two nodes', () => {
    const nodes = useTwoNodes('incidents');

    it("settles an incident another node recorded while this node's live engine was older", async () => {
      const { nodeA, nodeB } = nodes();
      await nodeA.definitions.deploy(gatewayModel, systemActor);
      // node A starts the case and keeps its engine live
      const { result } = await nodeA.cases.start({ processKey: 'incident-gateway', title: '两个节点的故障', data: { amount: '很多' } }, applicant);
      const task = await assessTask(nodeA, result.id);

      // node B's completion fails in the engine and records the incident in the next revision
      const failure = await nodeB.tasks.complete(task, { comment: '按申请金额' }, clerk).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IncidentError);
      expect(failure).toMatchObject({ status: 409, elementId: 'amountCheck', elementName: '金额判断' });

      // node A, holding the engine of the revision before, completes with a number: it must build on B's revision
      const done = await nodeA.tasks.complete(task, { data: { amount: 500 } }, clerk);
      expect(done.nextTasks.map((next) => next.stepId)).toEqual(['leaderReview']);
      const [incident] = (await nodeA.incidents.list('resolved', { limit: 10, offset: 0 }, systemActor)).items;
      expect(incident).toMatchObject({ id: (failure as IncidentError).incidentId, resolution: 'succeeded-later', resolvedBy: clerk.username, attempts: 1 });
      expect((await nodeA.auditLog.entries(result.id)).map((entry) => entry.action)).toEqual(['case.started', 'incident.opened', 'task.completed', 'incident.resolved']);
      expect(await nodeB.cases.verifyAudit(result.id)).toEqual({ ok: true, entries: 4 });
    });
  });
});
