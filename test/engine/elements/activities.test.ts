import { caseHead, clerk, completeStep, inboxSteps, openSteps, startCase, taskRecords, useElementFixtures } from './element-cases';

/**
 * Activities that hold other work through govflow: an embedded sub-process whose user tasks are
 * listed and completed like any other, and multi-instance user tasks (a plain BPMN loop
 * cardinality of 3), parallel and sequential.
 */
describe('BPMN sub-processes and multi-instance tasks', () => {
  const govflow = useElementFixtures('embedded-subprocess.bpmn', 'multi-instance-parallel.bpmn', 'multi-instance-sequential.bpmn');

  describe('embedded sub-process', () => {
    it('lists the user tasks inside it, completes them, and continues after it', async () => {
      const caseId = await startCase(govflow(), 'element-subprocess');
      await completeStep(govflow(), caseId, 'intake');
      expect(await openSteps(govflow(), caseId)).toEqual(['inspect']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['inspect']);

      const afterInspect = await completeStep(govflow(), caseId, 'inspect');
      expect(afterInspect.nextTasks.map((task) => task.stepId)).toEqual(['record']);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['record']);

      const afterRecord = await completeStep(govflow(), caseId, 'record');
      expect(afterRecord).toMatchObject({ caseStatus: 'running' });
      expect(afterRecord.nextTasks.map((task) => task.stepId)).toEqual(['certify']);

      expect((await completeStep(govflow(), caseId, 'certify')).caseStatus).toBe('completed');
      const head = await caseHead(govflow(), caseId);
      expect(head.status).toBe('completed');
      expect(head.completedSteps).toEqual(['intake', 'inspect', 'record', 'certify']);
      expect((await taskRecords(govflow(), caseId)).map((task) => [task.stepId, task.status])).toEqual([
        ['certify', 'completed'],
        ['inspect', 'completed'],
        ['intake', 'completed'],
        ['record', 'completed'],
      ]);
    });

    it('names the steps inside it in the case history', async () => {
      const caseId = await startCase(govflow(), 'element-subprocess');
      await completeStep(govflow(), caseId, 'intake');
      await completeStep(govflow(), caseId, 'inspect');
      const view = await govflow().cases.get(caseId, clerk);
      expect(view.currentSteps.map((step) => step.name)).toEqual(['制作笔录']);
      expect(view.history.map((item) => [item.action, item.stepName])).toEqual([
        ['case.started', 'Embedded sub-process'],
        ['task.completed', '受理'],
        ['task.completed', '现场检查'],
      ]);
    });
  });

  describe('parallel multi-instance user task', () => {
    it('opens three tasks at once, and the case continues after all three are complete', async () => {
      const caseId = await startCase(govflow(), 'element-mi-parallel');
      const head = await caseHead(govflow(), caseId);
      expect(head.openTasks.map((task) => task.stepId)).toEqual(['countersign', 'countersign', 'countersign']);
      expect(new Set(head.openTasks.map((task) => task.id)).size).toBe(3);
      expect(await inboxSteps(govflow(), caseId)).toEqual(['countersign', 'countersign', 'countersign']);

      const first = await completeStep(govflow(), caseId, 'countersign');
      expect(first.nextTasks.map((task) => task.stepId)).toEqual(['countersign', 'countersign']);
      const second = await completeStep(govflow(), caseId, 'countersign');
      expect(second.nextTasks.map((task) => task.stepId)).toEqual(['countersign']);
      const third = await completeStep(govflow(), caseId, 'countersign');
      expect(third.nextTasks.map((task) => task.stepId)).toEqual(['issue']);

      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['countersign', 'countersign', 'countersign', 'issue']);
      expect((await taskRecords(govflow(), caseId)).filter((task) => task.stepId === 'countersign').map((task) => task.status)).toEqual(['completed', 'completed', 'completed']);
    });
  });

  describe('sequential multi-instance user task', () => {
    it('opens one task at a time, three times, and the case continues after the third', async () => {
      const caseId = await startCase(govflow(), 'element-mi-sequential');
      const seen = new Set<string>();
      for (let round = 1; round <= 3; round++) {
        const { openTasks } = await caseHead(govflow(), caseId);
        expect(openTasks.map((task) => task.stepId)).toEqual(['countersign']);
        expect(await inboxSteps(govflow(), caseId)).toEqual(['countersign']);
        seen.add(openTasks[0].id);
        const { nextTasks } = await completeStep(govflow(), caseId, 'countersign');
        expect(nextTasks.map((task) => task.stepId)).toEqual(round < 3 ? ['countersign'] : ['issue']);
      }
      expect(seen.size).toBe(3);

      expect((await completeStep(govflow(), caseId, 'issue')).caseStatus).toBe('completed');
      expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['countersign', 'countersign', 'countersign', 'issue']);
    });
  });
});
