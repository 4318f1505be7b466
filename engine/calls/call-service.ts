import type { Logger } from 'pino';
import { GovflowError } from '../errors';
import type { CallJob, CaseHead } from '../records';
import type { DeadlineQueue } from '../deadlines';
import { EndCalledCase, ReturnFromCall, StartCase } from '../runtime/commands';
import type { Executor } from '../runtime/executor';
import type { Models } from '../store/models';
import { systemActor } from '../users/actor';
import { callsOf } from './call-effects';

/**
 * Call activities across cases (DESIGN.md "Other systems" inside one installation): the worker's
 * call jobs start a child case for a parent's call, return a child's end to its parent, and end
 * the children of a parent that no longer waits for them — each a command, run once whatever
 * the job's retries. Reconcile rebuilds any job Redis lost from the case heads.
 */
export class CallService {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #nextReceiptNo: () => Promise<string>;
  readonly #log: Logger;

  constructor(executor: Executor, models: Models, nextReceiptNo: () => Promise<string>, log: Logger) {
    this.#executor = executor;
    this.#models = models;
    this.#nextReceiptNo = nextReceiptNo;
    this.#log = log;
  }

  /** Runs one call job. */
  run(name: string, job: CallJob): Promise<unknown> {
    if (name === 'call.start') return this.#start(job);
    if (name === 'call.return') return this.#executor.run(new ReturnFromCall(job), systemActor);
    return this.#executor.run(new EndCalledCase(job.childId, job.parentReceiptNo), systemActor);
  }

  /**
   * Schedules again what parent and child cases still owe each other: running calls whose child
   * does not exist, ended children whose parent still waits for them, running children of
   * parents that no longer do. Returns how many jobs it scheduled.
   */
  async reconcile(deadlines: DeadlineQueue): Promise<number> {
    let scheduled = 0;
    const schedule = async (name: 'call.start' | 'call.return' | 'call.end', job: Omit<CallJob, 'id' | 'at'>) => {
      await deadlines.schedule({ id: `${name}~${job.childId}`, at: 0, ...job }, name);
      scheduled += 1;
    };
    for await (const head of this.#models.cases.find({ status: 'running', 'calls.0': { $exists: true } }).lean<CaseHead>().cursor()) {
      for (const call of callsOf(head)) {
        const child = await this.#models.cases.findById(call.childId, { status: 1, receiptNo: 1, variables: 1 }).lean<CaseHead>();
        const link = { childId: call.childId, parentId: head._id, parentReceiptNo: head.receiptNo, executionId: call.executionId, stepId: call.stepId };
        if (!child) await schedule('call.start', { ...link, start: { processKey: call.processKey, version: call.version, title: `${head.title} · ${call.name}`, applicant: head.applicant, receiptNo: head.receiptNo, variables: call.input } });
        else if (child.status !== 'running') await schedule('call.return', { ...link, ended: { status: child.status, receiptNo: child.receiptNo, variables: child.variables } });
      }
    }
    for await (const child of this.#models.cases.find({ status: 'running', parent: { $ne: null } }).lean<CaseHead>().cursor()) {
      if (!child.parent) continue;
      const parent = await this.#models.cases.findById(child.parent.caseId, { status: 1, calls: 1 }).lean<CaseHead>();
      if (!parent || parent.status !== 'running' || !callsOf(parent).some((call) => call.childId === child._id)) {
        await schedule('call.end', { childId: child._id, parentId: child.parent.caseId, parentReceiptNo: child.parent.receiptNo, executionId: child.parent.executionId, stepId: child.parent.stepId });
      }
    }
    return scheduled;
  }

  /** Starts the child as the parent's applicant, on the called version; a start the process refuses becomes an incident of the parent. */
  async #start(job: CallJob): Promise<unknown> {
    const start = job.start;
    if (!start) return null;
    const parent = { caseId: job.parentId, receiptNo: start.receiptNo, executionId: job.executionId, stepId: job.stepId };
    const command = new StartCase({ processKey: start.processKey, title: start.title, data: start.variables, call: { parent, caseId: job.childId, version: start.version } }, start.applicant, this.#nextReceiptNo);
    try {
      return (await this.#executor.create(command, systemActor)).result;
    } catch (error) {
      if (!(error instanceof GovflowError) || error.status >= 500) throw error;
      // the child could not start (its first step failed, its process is gone): the parent is told, as an incident at its call
      this.#log.warn({ parent: job.parentId, child: job.childId, err: error }, 'a called case could not start');
      return this.#executor.run(new ReturnFromCall({ ...job, ended: { status: 'terminated', receiptNo: `(${start.processKey}: ${error.message})`, variables: {} } }), systemActor);
    }
  }
}
