import { join } from 'node:path';
import { systemActor, type CompletedTask, type Govflow, type ProgressView, type TaskRecord } from '../../../engine';
import type { TimerJob } from '../../../engine/deadlines';
import type { CaseHead } from '../../../engine/records';
import { applicant, clerk } from '../../support/engine-fixture';
import { bpmn, createTestGovflow } from '../../support/test-govflow';

/**
 * Helpers for the BPMN element suites: every case is started by the applicant and worked by the
 * clerk of the window (`window@market-bureau`), only through the Govflow facade; the case head
 * (status, completedSteps) and the tasks projection are read from the store where the facade's
 * views leave them out.
 */

/**
 * Registers hooks giving the suite a Govflow on a fresh database and queue prefix, with the
 * named fixtures of `fixtures/` deployed; read it through the returned function inside tests.
 */
export function useElementFixtures(...fixtures: string[]): () => Govflow {
  let govflow: Govflow;
  beforeAll(async () => {
    govflow = await createTestGovflow();
    for (const fixture of fixtures) {
      const outcome = await govflow.definitions.deploy(bpmn(join(__dirname, 'fixtures', fixture)), systemActor);
      expect(outcome.created).toBe(true);
    }
  });
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });
  return () => govflow;
}

/** Starts a case of `processKey` as the applicant; answers its id. */
export async function startCase(govflow: Govflow, processKey: string, data: Record<string, unknown> = {}): Promise<string> {
  const { result } = await govflow.cases.start({ processKey, title: `${processKey} case`, data }, applicant);
  return result.id;
}

/** The step ids the case waits on, as `getCase` shows them to the clerk, sorted. */
export async function openSteps(govflow: Govflow, caseId: string): Promise<string[]> {
  const view = await govflow.cases.get(caseId, clerk);
  return view.currentSteps.map((step) => step.stepId).sort();
}

/** The step ids of the clerk's inbox (claimable and held) that belong to the case, sorted. */
export async function inboxSteps(govflow: Govflow, caseId: string): Promise<string[]> {
  const page = { limit: 500, offset: 0 };
  const tasks = [...(await govflow.tasks.list(clerk, 'claimable', page)).items, ...(await govflow.tasks.list(clerk, 'mine', page)).items];
  return tasks.filter((task) => task.caseId === caseId).map((task) => task.stepId).sort();
}

/** Completes the (first) open task of `stepId` as the clerk, with `data` as form fields. */
export async function completeStep(govflow: Govflow, caseId: string, stepId: string, data: Record<string, unknown> = {}): Promise<CompletedTask> {
  const task = (await govflow.cases.get(caseId, clerk)).currentSteps.find((step) => step.stepId === stepId);
  if (!task) throw new Error(`case ${caseId} has no open step ${stepId}; it waits on ${(await openSteps(govflow, caseId)).join(', ') || 'nothing'}`);
  return govflow.tasks.complete(task.taskId, { data }, clerk);
}

/** The case as the cases collection holds it: status, open tasks, completed steps, timers. */
export async function caseHead(govflow: Govflow, caseId: string): Promise<CaseHead> {
  const head = await govflow.store.models.cases.findById(caseId).lean<CaseHead>();
  if (!head) throw new Error(`no case ${caseId}`);
  return head;
}

/** The tasks projection of the case, open and closed, by step id then creation. */
export async function taskRecords(govflow: Govflow, caseId: string): Promise<TaskRecord[]> {
  return govflow.store.models.tasks.find({ caseId }).sort({ stepId: 1, createdAt: 1 }).lean<TaskRecord[]>();
}

/** The public progress answer of the case, as the applicant gets it with receipt number and query code. */
export async function progressOf(govflow: Govflow, caseId: string): Promise<ProgressView> {
  const head = await caseHead(govflow, caseId);
  return govflow.cases.progress(head.receiptNo, head.queryCode);
}

/** The actions of the case's audit log, in order. */
export async function auditActions(govflow: Govflow, caseId: string): Promise<string[]> {
  return (await govflow.cases.auditEntries(caseId)).map((entry) => entry.action);
}

/** The durable BPMN timer jobs queued for the case, as the deadline worker would receive them. */
export async function timerJobs(govflow: Govflow, caseId: string): Promise<TimerJob[]> {
  const jobs = await govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
  return jobs.filter((job) => job.name === 'timer' && job.data.caseId === caseId).map((job) => job.data as TimerJob);
}

/** The queued timer job of the case's timer event `stepId`; fails when there is not exactly one. */
export async function timerJobOf(govflow: Govflow, caseId: string, stepId: string): Promise<TimerJob> {
  const jobs = (await timerJobs(govflow, caseId)).filter((job) => job.stepId === stepId);
  if (jobs.length !== 1) throw new Error(`case ${caseId} has ${jobs.length} timer jobs for ${stepId}`);
  return jobs[0];
}

export { applicant, clerk };
