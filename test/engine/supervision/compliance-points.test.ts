import { join } from 'node:path';
import { systemActor, type Actor, type Govflow } from '../../../engine';
import { applicant, clerk } from '../../support/engine-fixture';
import { bpmn, createTestGovflow } from '../../support/test-govflow';

/** Compliance points on a penalty decision: legal review of major cases, and the discretion range of the fine. */
describe('compliance points of a penalty decision', () => {
  let govflow: Govflow;
  const head: Actor = { ...clerk, username: 'chief', roles: ['leader'], groups: ['leader@market-bureau'] };
  const legal: Actor = { ...clerk, username: 'fa', groups: ['legal-section@market-bureau'] };

  beforeAll(async () => {
    govflow = await createTestGovflow();
    await govflow.definitions.deploy(bpmn(join(__dirname, 'fixtures', 'penalty-decision.bpmn')), systemActor);
  });
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  async function decide(startData: Record<string, unknown>, decisionData: Record<string, unknown>): Promise<string[]> {
    const { result } = await govflow.cases.start({ processKey: 'penalty-decision', title: '行政处罚', data: { fineMin: 1000, fineMax: 20000, ...startData } }, applicant);
    let task = (await govflow.store.models.cases.findById(result.id).lean())!.openTasks[0];
    if (task.stepId === 'legalReview') task = { ...task, id: (await govflow.tasks.complete(task.id, { comment: '同意' }, legal)).nextTasks[0].id };
    await govflow.tasks.complete(task.id, { comment: '决定给予罚款', data: decisionData }, head);
    const alerts = await govflow.store.models.alerts.find({ caseId: result.id, kind: 'compliance' }).lean();
    return alerts.map((alert) => alert.rule ?? '').sort();
  }

  it('flags a case found major at decision that skipped legal review, and a fine above the range', async () => {
    expect(await decide({ major: false }, { major: true, fine: 50000 })).toEqual(['fine-outside-discretion-range', 'major-penalty-without-legal-review']);
  });

  it('flags a fine below the range', async () => {
    expect(await decide({ major: false }, { fine: 500 })).toEqual(['fine-outside-discretion-range']);
  });

  it('flags nothing for a major case that passed legal review with a fine in range', async () => {
    expect(await decide({ major: true }, { fine: 20000 })).toEqual([]);
  });
});
