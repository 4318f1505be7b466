import { ConflictError } from '../../../engine';
import { auditActions, caseHead, clerk, completeStep, inboxSteps, openSteps, progressOf, startCase, taskRecords, useElementFixtures } from './element-cases';

/**
 * A terminate end event through govflow: with two parallel branches open, reaching it on one
 * ends the whole case and closes the task still open on the other.
 */
describe('BPMN terminate end event', () => {
  const govflow = useElementFixtures('terminate-end.bpmn');

  it('ends the case and closes the task still open on the other branch', async () => {
    const caseId = await startCase(govflow(), 'element-terminate');
    expect(await openSteps(govflow(), caseId)).toEqual(['inspect', 'revoke']);
    const inspect = (await caseHead(govflow(), caseId)).openTasks.find((task) => task.stepId === 'inspect')!;

    const { caseStatus, nextTasks } = await completeStep(govflow(), caseId, 'revoke');
    expect(caseStatus).toBe('completed');
    expect(nextTasks).toEqual([]);

    const head = await caseHead(govflow(), caseId);
    expect(head).toMatchObject({ status: 'completed', openTasks: [], completedSteps: ['revoke'] });
    expect(head.endedAt).not.toBeNull();
    expect(await openSteps(govflow(), caseId)).toEqual([]);
    expect(await inboxSteps(govflow(), caseId)).toEqual([]);
    expect((await taskRecords(govflow(), caseId)).map((task) => [task.stepId, task.status])).toEqual([
      ['inspect', 'cancelled'],
      ['revoke', 'completed'],
    ]);
    expect(await progressOf(govflow(), caseId)).toMatchObject({ status: 'completed', currentSteps: [] });
    expect(await auditActions(govflow(), caseId)).toEqual(['case.started', 'task.completed']);

    await expect(govflow().tasks.complete(inspect.id, {}, clerk)).rejects.toBeInstanceOf(ConflictError);
  });

  it('keeps the case running while only the other branch has ended normally', async () => {
    const caseId = await startCase(govflow(), 'element-terminate');
    const { caseStatus, nextTasks } = await completeStep(govflow(), caseId, 'inspect');
    expect(caseStatus).toBe('running');
    expect(nextTasks.map((task) => task.stepId)).toEqual(['revoke']);

    expect((await completeStep(govflow(), caseId, 'revoke')).caseStatus).toBe('completed');
    expect((await caseHead(govflow(), caseId)).completedSteps).toEqual(['inspect', 'revoke']);
  });
});
