import { randomBytes } from 'node:crypto';
import { systemActor, type Govflow } from '../../engine';
import { applicant, clerk } from '../support/engine-fixture';
import { createTestGovflow } from '../support/test-govflow';
import { fixture } from './compatibility-support';

/**
 * bpmn-engine finds a stored case's definitions by their id; a model whose `<definitions>` has
 * none (valid BPMN) must still run on an engine rebuilt from stored state — after a restart, or
 * on another node.
 */
describe('a model without a definitions id', () => {
  const names = { dbName: `test_restart_${randomBytes(4).toString('hex')}`, queuePrefix: `test_restart_${randomBytes(4).toString('hex')}` };
  let govflow: Govflow;
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  async function complete(stepId: string): Promise<void> {
    const [task] = (await govflow.tasks.list(clerk, 'claimable', { limit: 50, offset: 0 })).items.filter((item) => item.stepId === stepId);
    await govflow.tasks.complete(task.id, {}, clerk);
  }

  it('survives a restart of the server between its steps and completes', async () => {
    govflow = await createTestGovflow(names);
    await govflow.users.add({ username: 'li', password: 'li-window-Tq8#vLz2', roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] });
    await govflow.definitions.deploy(fixture('no-definitions-id.bpmn'), systemActor);
    const { result } = await govflow.cases.start({ processKey: 'no-definitions-id', title: '无标识模型', data: {} }, applicant);
    await complete('first');
    await govflow.close();

    govflow = await createTestGovflow(names);
    await complete('second');
    const head = await govflow.cases.get(result.id, clerk);
    expect(head.status).toBe('completed');
    expect(head.history.map((item) => `${item.action} ${item.stepName ?? ''}`.trim())).toEqual(['case.started No definitions id', 'task.completed First', 'task.completed Second']);
  });
});
