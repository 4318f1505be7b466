import type { Govflow } from '../engine';
import { approvalSteps, benchApplicant, benchClerk, processKey, stepAfter, type ApprovalStepId } from './approval-steps';
import type { ApprovalPath, TimeCommand } from './load-runner';

/**
 * Path (b): the facade a route or the CLI calls, with every command persisted through the
 * executor. Between commands the loop reads nothing but the one open task after the start,
 * because StartCase answers without task ids; CompleteTask's `nextTasks` carries the rest.
 */
export class GovflowPath implements ApprovalPath {
  readonly name = 'govflow';
  readonly #govflow: Govflow;

  constructor(govflow: Govflow) {
    this.#govflow = govflow;
  }

  async runCase(time: TimeCommand): Promise<void> {
    const caseId = await time('start', () => this.#start());
    let taskId = await this.#firstTaskId(caseId);
    for (const [index, step] of approvalSteps.entries()) {
      const done = await time('complete', () => this.#govflow.tasks.complete(taskId, { decision: step.decision }, benchClerk));
      const expected = stepAfter(index + 1);
      if (expected === null) {
        if (done.caseStatus !== 'completed') throw new Error(`govflow: case ${caseId} is ${done.caseStatus} after its last step`);
        return;
      }
      const next = done.nextTasks.find((task) => task.stepId === expected);
      if (!next || done.nextTasks.length !== 1) {
        throw new Error(`govflow: expected ${expected} next in case ${caseId}, got [${done.nextTasks.map((task) => task.stepId)}]`);
      }
      taskId = next.id;
    }
  }

  /**
   * Starts `perStep` cases for each of the first `steps` steps and leaves them waiting there,
   * for the stored-state probe and the inbox's queue; answers their ids by the step they wait
   * at. Run after the timed loads, untimed.
   */
  async leaveWaiting(perStep: number, steps: number = approvalSteps.length): Promise<Map<ApprovalStepId, string[]>> {
    const waiting = new Map<ApprovalStepId, string[]>();
    for (const [depth, step] of approvalSteps.slice(0, steps).entries()) {
      const ids: string[] = [];
      for (let n = 0; n < perStep; n++) ids.push(await this.#caseAt(depth));
      waiting.set(step.stepId, ids);
    }
    return waiting;
  }

  /** Runs `count` cases to their end, untimed; answers their ids, for the stored-size probe of ended cases. */
  async endCases(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) ids.push(await this.#caseAt(approvalSteps.length));
    return ids;
  }

  /** A new case with its first `depth` steps completed. */
  async #caseAt(depth: number): Promise<string> {
    const caseId = await this.#start();
    let taskId = await this.#firstTaskId(caseId);
    for (const earlier of approvalSteps.slice(0, depth)) {
      const done = await this.#govflow.tasks.complete(taskId, { decision: earlier.decision }, benchClerk);
      taskId = done.nextTasks[0]?.id ?? '';
    }
    return caseId;
  }

  async #start(): Promise<string> {
    const { result } = await this.#govflow.cases.start({ processKey, title: 'bench', data: { n: 1 } }, benchApplicant);
    return result.id;
  }

  /** The clerk's view of a fresh case: the id of the one task it opened. */
  async #firstTaskId(caseId: string): Promise<string> {
    const record = await this.#govflow.store.models.cases.findById(caseId, { openTasks: 1 }).lean();
    const task = record?.openTasks.find((candidate) => candidate.stepId === stepAfter(0));
    if (!task) throw new Error(`govflow: case ${caseId} does not wait at ${stepAfter(0)} after its start`);
    return task.id;
  }
}
