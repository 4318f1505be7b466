import { ConflictError, systemActor } from '../../../engine';
import {
  auditActions,
  caseHead,
  clerk,
  completeStep,
  inboxSteps,
  openSteps,
  progressOf,
  startCase,
  timerJobOf,
  timerJobs,
  useElementFixtures,
} from './element-cases';

/**
 * Waiting on events through govflow: an intermediate message catch event, delivered by the
 * `name` of its <bpmn:message> with `deliverMessage`, and an event-based gateway racing a
 * timer (fired through its durable job) against a message.
 */
describe('BPMN message catch events and the event-based gateway', () => {
  const govflow = useElementFixtures('message-catch.bpmn', 'event-based-gateway.bpmn');

  describe('intermediate message catch event', () => {
    it('waits with no open step until the message arrives, then goes on', async () => {
      const caseId = await startCase(govflow(), 'element-message-catch');
      const { caseStatus, nextTasks } = await completeStep(govflow(), caseId, 'assessFee');
      expect(caseStatus).toBe('running');
      expect(nextTasks).toEqual([]);
      expect(await openSteps(govflow(), caseId)).toEqual([]);
      expect(await progressOf(govflow(), caseId)).toMatchObject({ status: 'running', currentSteps: [] });

      // nobody holds a step while the case waits, so the payment system delivers the message
      const delivered = await govflow().cases.deliverMessage(caseId, 'fee-paid', systemActor);
      expect(delivered).toMatchObject({ caseId, message: 'fee-paid', status: 'running' });
      expect(delivered.nextTasks.map((task) => task.stepId)).toEqual(['issue']);
      expect(await openSteps(govflow(), caseId)).toEqual(['issue']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['issue']);
      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['assessFee', 'issue']);
      expect(await auditActions(govflow(), caseId)).toEqual(['case.started', 'task.completed', 'message.received', 'task.completed']);
    });

    it('makes the variables sent with the message process variables', async () => {
      const caseId = await startCase(govflow(), 'element-message-catch');
      await completeStep(govflow(), caseId, 'assessFee');
      await govflow().cases.deliverMessage(caseId, 'fee-paid', systemActor, { cashier: clerk.username });
      // the next step's assignee is ${cashier}
      const [issue] = (await caseHead(govflow(), caseId)).openTasks;
      expect(issue).toMatchObject({ stepId: 'issue', assignee: clerk.username });
      expect((await govflow().tasks.list(clerk, 'mine')).items.filter((task) => task.caseId === caseId).map((task) => task.stepId)).toEqual(['issue']);
    });

    it('refuses a message of another name, which does not move the case', async () => {
      const caseId = await startCase(govflow(), 'element-message-catch');
      await completeStep(govflow(), caseId, 'assessFee');
      await expect(govflow().cases.deliverMessage(caseId, 'applicant-withdrew', systemActor)).rejects.toBeInstanceOf(ConflictError);
      expect(await openSteps(govflow(), caseId)).toEqual([]);
      expect((await caseHead(govflow(), caseId)).status).toBe('running');
      await govflow().cases.deliverMessage(caseId, 'fee-paid', systemActor);
      expect(await openSteps(govflow(), caseId)).toEqual(['issue']);
    });
  });

  describe('event-based gateway', () => {
    it('arms the timer of the gateway with a durable job while it waits', async () => {
      const caseId = await startCase(govflow(), 'element-event-gateway');
      expect(await timerJobs(govflow(), caseId)).toEqual([]);
      const completedAt = Date.now();
      await completeStep(govflow(), caseId, 'requestSupplement');
      const job = await timerJobOf(govflow(), caseId, 'supplementOverdue');
      expect(job.at).toBeGreaterThanOrEqual(completedAt + 48 * 3600_000 - 5_000);
      expect(job.at).toBeLessThanOrEqual(Date.now() + 48 * 3600_000 + 5_000);
      expect(await openSteps(govflow(), caseId)).toEqual([]);
    });

    it('takes the timer path when the timer fires first, and the message no longer moves the case', async () => {
      const caseId = await startCase(govflow(), 'element-event-gateway');
      await completeStep(govflow(), caseId, 'requestSupplement');
      const job = await timerJobOf(govflow(), caseId, 'supplementOverdue');

      expect(await govflow().cases.fireTimer(job)).toEqual({ fired: true });
      expect(await openSteps(govflow(), caseId)).toEqual(['closeFile']);
      expect(await timerJobs(govflow(), caseId)).toEqual([]);

      await expect(govflow().cases.deliverMessage(caseId, 'supplement-received', systemActor)).rejects.toBeInstanceOf(ConflictError);
      expect(await openSteps(govflow(), caseId)).toEqual(['closeFile']);
      expect((await completeStep(govflow(), caseId, 'closeFile')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['requestSupplement', 'closeFile']);
    });

    it('takes the message path when the message arrives first, and cancels the timer', async () => {
      const caseId = await startCase(govflow(), 'element-event-gateway');
      await completeStep(govflow(), caseId, 'requestSupplement');
      const job = await timerJobOf(govflow(), caseId, 'supplementOverdue');

      await govflow().cases.deliverMessage(caseId, 'supplement-received', systemActor);
      expect(await openSteps(govflow(), caseId)).toEqual(['recheck']);
      expect(await timerJobs(govflow(), caseId)).toEqual([]);
      expect((await caseHead(govflow(), caseId)).timers).toEqual([]);

      expect(await govflow().cases.fireTimer(job)).toEqual({ fired: false });
      expect(await openSteps(govflow(), caseId)).toEqual(['recheck']);
      expect((await completeStep(govflow(), caseId, 'recheck')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['requestSupplement', 'recheck']);
    });
  });
});
