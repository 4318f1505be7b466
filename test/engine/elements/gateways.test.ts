import { caseHead, completeStep, inboxSteps, openSteps, progressOf, startCase, useElementFixtures } from './element-cases';

/**
 * Exclusive, parallel and inclusive gateways through govflow: which steps open after a
 * gateway, and that a join lets the case continue only once every branch it waits for is done.
 */
describe('BPMN gateways', () => {
  const govflow = useElementFixtures('exclusive-gateway.bpmn', 'parallel-gateway.bpmn', 'inclusive-gateway.bpmn');

  describe('exclusive gateway', () => {
    it('takes the flow whose condition holds on the start variables', async () => {
      const caseId = await startCase(govflow(), 'element-exclusive', { amount: 5000 });
      const { nextTasks } = await completeStep(govflow(), caseId, 'review');
      expect(nextTasks.map((task) => task.stepId)).toEqual(['leaderReview']);
      expect(await completeStep(govflow(), caseId, 'leaderReview')).toMatchObject({ caseStatus: 'completed', nextTasks: [] });
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['review', 'leaderReview']);
    });

    it('takes the default flow when no condition holds', async () => {
      const caseId = await startCase(govflow(), 'element-exclusive', { amount: 200 });
      await completeStep(govflow(), caseId, 'review');
      expect(await openSteps(govflow(), caseId)).toEqual(['clerkReview']);
      expect((await completeStep(govflow(), caseId, 'clerkReview')).caseStatus).toBe('completed');
      const head = await caseHead(govflow(), caseId);
      expect(head.status).toBe('completed');
      expect(head.completedSteps).toEqual(['review', 'clerkReview']);
    });

    it('evaluates the condition on the data the clerk entered when completing the step before it', async () => {
      const caseId = await startCase(govflow(), 'element-exclusive', { amount: 200 });
      await completeStep(govflow(), caseId, 'review', { amount: 3000 });
      expect(await openSteps(govflow(), caseId)).toEqual(['leaderReview']);
    });

    it('takes the default flow when the variable of the condition was never set', async () => {
      const caseId = await startCase(govflow(), 'element-exclusive');
      await completeStep(govflow(), caseId, 'review');
      expect(await openSteps(govflow(), caseId)).toEqual(['clerkReview']);
    });
  });

  describe('parallel gateway', () => {
    it('opens both branches at once, and continues past the join only after both are complete', async () => {
      const caseId = await startCase(govflow(), 'element-parallel');
      expect(await openSteps(govflow(), caseId)).toEqual(['fireReview', 'healthReview']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['fireReview', 'healthReview']);

      const first = await completeStep(govflow(), caseId, 'healthReview');
      expect(first).toMatchObject({ caseStatus: 'running' });
      expect(first.nextTasks.map((task) => task.stepId)).toEqual(['fireReview']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['fireReview']);

      const second = await completeStep(govflow(), caseId, 'fireReview');
      expect(second.nextTasks.map((task) => task.stepId)).toEqual(['issue']);
      expect(await openSteps(govflow(), caseId)).toEqual(['issue']);

      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
      const head = await caseHead(govflow(), caseId);
      expect(head.openTasks).toEqual([]);
      expect(head.completedSteps).toEqual(['healthReview', 'fireReview', 'issue']);
    });
  });

  describe('inclusive gateway', () => {
    it('opens exactly the branches whose conditions hold', async () => {
      const caseId = await startCase(govflow(), 'element-inclusive', { fire: true, health: true, environment: false });
      expect(await openSteps(govflow(), caseId)).toEqual(['fireReview', 'healthReview']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['fireReview', 'healthReview']);
    });

    it('joins: the step after the join opens once, after every branch that was taken is complete', async () => {
      const caseId = await startCase(govflow(), 'element-inclusive', { fire: true, health: true, environment: false });
      await completeStep(govflow(), caseId, 'fireReview');
      expect(await openSteps(govflow(), caseId)).toEqual(['healthReview']);

      await completeStep(govflow(), caseId, 'healthReview');
      expect(await openSteps(govflow(), caseId)).toEqual(['issue']);

      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['fireReview', 'healthReview', 'issue']);
    });

    it('with one condition true, the join lets the single branch through', async () => {
      const caseId = await startCase(govflow(), 'element-inclusive', { fire: false, health: false, environment: true });
      expect(await openSteps(govflow(), caseId)).toEqual(['environmentReview']);
      await completeStep(govflow(), caseId, 'environmentReview');
      expect(await openSteps(govflow(), caseId)).toEqual(['issue']);
      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
    });
  });

  it('shows the applicant both parallel steps in the public progress, then the status once the case ends', async () => {
    const caseId = await startCase(govflow(), 'element-parallel');
    expect(await progressOf(govflow(), caseId)).toMatchObject({ status: 'running', currentSteps: expect.arrayContaining(['消防审查', '卫生审查']) });
    await completeStep(govflow(), caseId, 'fireReview');
    await completeStep(govflow(), caseId, 'healthReview');
    expect(await progressOf(govflow(), caseId)).toMatchObject({ status: 'running', currentSteps: ['发证'] });
    await completeStep(govflow(), caseId, 'issue');
    expect(await progressOf(govflow(), caseId)).toMatchObject({ status: 'completed', currentSteps: [] });
  });
});
