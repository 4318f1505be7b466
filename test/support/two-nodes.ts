import { randomBytes } from 'node:crypto';
import { systemActor, type Govflow } from '../../engine';
import { bpmn, createTestGovflow } from './test-govflow';

/** Two govflow nodes on one database with general-approval deployed, as two API nodes behind a load balancer; dropped afterwards. */
export function useTwoNodes(prefix: string): () => { nodeA: Govflow; nodeB: Govflow } {
  const dbName = `${prefix}_${randomBytes(4).toString('hex')}`;
  let nodes: { nodeA: Govflow; nodeB: Govflow };
  beforeAll(async () => {
    const [nodeA, nodeB] = await Promise.all([createTestGovflow({ dbName }), createTestGovflow({ dbName })]);
    nodes = { nodeA, nodeB };
    await nodeA.definitions.deploy(bpmn('general-approval.bpmn'), systemActor);
  });
  afterAll(async () => {
    await nodes.nodeA.store.connection.dropDatabase();
    await Promise.all([nodes.nodeA.close(), nodes.nodeB.close()]);
  });
  return () => nodes;
}
