import {
  auditActions,
  caseHead,
  clerk,
  completeStep,
  inboxSteps,
  openSteps,
  startCase,
  taskRecords,
  timerJobOf,
  timerJobs,
  useElementFixtures,
} from './element-cases';

/**
 * Boundary events through govflow: timers on a user task (interrupting and not) fired through
 * their durable jobs, an error thrown by an error end event inside an embedded sub-process and
 * caught on its boundary, and a message caught on the boundary of a user task.
 */
describe('BPMN boundary events', () => {
  const govflow = useElementFixtures('boundary-timer.bpmn', 'boundary-error.bpmn', 'boundary-message.bpmn');

  describe('timer on a user task', () => {
    it('interrupting: the firing closes the step and opens the boundary path', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-timer');
      expect(await openSteps(govflow(), caseId)).toEqual(['review']);
      const job = await timerJobOf(govflow(), caseId, 'reviewOverdue');

      expect(await govflow().cases.fireTimer(job)).toEqual({ fired: true });
      expect(await openSteps(govflow(), caseId)).toEqual(['escalate']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['escalate']);
      expect((await taskRecords(govflow(), caseId)).find((task) => task.stepId === 'review')).toMatchObject({ status: 'cancelled' });
      expect(await timerJobs(govflow(), caseId)).toEqual([]);

      expect((await completeStep(govflow(), caseId, 'escalate')).caseStatus).toBe('completed');
      const head = await caseHead(govflow(), caseId);
      expect(head.completedSteps).toEqual(['escalate']);
      expect(await auditActions(govflow(), caseId)).toEqual(['case.started', 'timer.fired', 'task.completed']);
    });

    it('interrupting: completing the step first cancels the timer, whose late job then fires nothing', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-timer');
      const job = await timerJobOf(govflow(), caseId, 'reviewOverdue');
      await completeStep(govflow(), caseId, 'review');
      expect(await openSteps(govflow(), caseId)).toEqual(['approve']);
      expect((await timerJobs(govflow(), caseId)).map((queued) => queued.stepId)).toEqual(['approveReminder']);

      expect(await govflow().cases.fireTimer(job)).toEqual({ fired: false });
      expect(await openSteps(govflow(), caseId)).toEqual(['approve']);
    });

    it('non-interrupting: the firing opens the boundary path and leaves the step open', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-timer');
      await completeStep(govflow(), caseId, 'review');
      const job = await timerJobOf(govflow(), caseId, 'approveReminder');
      const approveTask = (await caseHead(govflow(), caseId)).openTasks[0];
      expect(approveTask.stepId).toBe('approve');

      expect(await govflow().cases.fireTimer(job)).toEqual({ fired: true });
      expect(await openSteps(govflow(), caseId)).toEqual(['approve', 'remind']);
      expect((await caseHead(govflow(), caseId)).openTasks.map((task) => task.id)).toContain(approveTask.id);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['approve', 'remind']);

      const afterApprove = await completeStep(govflow(), caseId, 'approve');
      expect(afterApprove.caseStatus).toBe('running');
      expect(afterApprove.nextTasks.map((task) => task.stepId)).toEqual(['remind']);
      expect((await completeStep(govflow(), caseId, 'remind')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['review', 'approve', 'remind']);
    });

    it('non-interrupting: completing the step removes the timer that never fired', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-timer');
      await completeStep(govflow(), caseId, 'review');
      const job = await timerJobOf(govflow(), caseId, 'approveReminder');
      expect((await completeStep(govflow(), caseId, 'approve')).caseStatus).toBe('completed');
      expect(await timerJobs(govflow(), caseId)).toEqual([]);
      expect(await govflow().cases.fireTimer(job)).toEqual({ fired: false });
      expect((await caseHead(govflow(), caseId)).status).toBe('completed');
    });
  });

  describe('error on an embedded sub-process', () => {
    it('leaves the sub-process by its normal end when no error is thrown', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-error');
      expect(await openSteps(govflow(), caseId)).toEqual(['inspect']);
      const { nextTasks } = await completeStep(govflow(), caseId, 'inspect', { valid: true });
      expect(nextTasks.map((task) => task.stepId)).toEqual(['issue']);
      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['inspect', 'issue']);
    });

    it('an error end event inside the sub-process is caught by the boundary error event', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-error');
      const { caseStatus, nextTasks } = await completeStep(govflow(), caseId, 'inspect', { valid: false });
      expect(caseStatus).toBe('running');
      expect(nextTasks.map((task) => task.stepId)).toEqual(['refuse']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['refuse']);

      expect((await completeStep(govflow(), caseId, 'refuse')).caseStatus).toBe('completed');
      const head = await caseHead(govflow(), caseId);
      expect(head.status).toBe('completed');
      expect(head.completedSteps).toEqual(['inspect', 'refuse']);
    });
  });

  describe('message on a user task', () => {
    it('the message interrupts the step and opens the boundary path', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-message');
      expect(await openSteps(govflow(), caseId)).toEqual(['review']);

      await govflow().cases.deliverMessage(caseId, 'applicant-withdrew', clerk);
      expect(await openSteps(govflow(), caseId)).toEqual(['archive']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['archive']);
      expect((await taskRecords(govflow(), caseId)).find((task) => task.stepId === 'review')).toMatchObject({ status: 'cancelled' });

      expect((await completeStep(govflow(), caseId, 'archive')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['archive']);
      expect(await auditActions(govflow(), caseId)).toEqual(['case.started', 'message.received', 'task.completed']);
    });

    it('without the message the step completes by its normal flow', async () => {
      const caseId = await startCase(govflow(), 'element-boundary-message');
      const { caseStatus, nextTasks } = await completeStep(govflow(), caseId, 'review');
      expect(caseStatus).toBe('completed');
      expect(nextTasks).toEqual([]);
    });
  });
});
