import { systemActor, type Actor, type Govflow, type GovflowOptions } from '../../engine';
import { bpmn, createTestGovflow } from './test-govflow';

/** An applicant and a clerk of the window and licensing section, for suites that call the engine directly. */
export const applicant: Actor = { username: 'zhang', roles: ['applicant'], department: null, groups: [] };
export const clerk: Actor = { username: 'li', roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau', 'licensing-section@market-bureau'] };

/**
 * Registers hooks giving the suite a Govflow on a fresh database with general-approval
 * deployed, dropped afterwards; read it through the returned function inside tests.
 */
export function useGovflowWithApprovalProcess(options: Partial<GovflowOptions> = {}): () => Govflow {
  let govflow: Govflow;
  beforeAll(async () => {
    govflow = await createTestGovflow(options);
    await govflow.definitions.deploy(bpmn('general-approval.bpmn'), systemActor);
  });
  afterAll(async () => {
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });
  return () => govflow;
}
