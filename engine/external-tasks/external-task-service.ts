import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { ExternalTaskRecord } from '../records';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import { mayServeTopic, type Actor } from '../users/actor';
import { caseIdOfTask } from '../runtime/advance-case';
import type { CaseCommand } from '../runtime/command';
import {
  CompleteExternalTask,
  ExtendExternalTaskLock,
  ExternalTaskNotOpenError,
  FailExternalTask,
  LockExternalTask,
  ReportBpmnError,
  UnlockExternalTask,
  type BpmnErrorReport,
  type CompletedExternalTask,
  type FailedExternalTask,
  type FailureReport,
} from '../runtime/commands/external';
import type { Executor } from '../runtime/executor';
import { withoutRequestKey } from '../runtime/request-key';
import type { LockedExternalTask } from './external-task-view';
import { externalTaskView, type ExternalTaskView } from './external-task-view';
import type { TopicSignals } from './topic-signals';
import { jurisdictionOfActor } from '../org/org-directory';
import { jurisdictionFilter } from '../org/org-tree';

const staleRetryMs = 100;

/** A fetch-and-lock: which worker, the topics it works with how long it locks each, how many tasks at most, and how long to wait for one. */
export interface FetchRequest {
  workerId: string;
  topics: Array<{ name: string; lockMs: number }>;
  max: number;
  /** Long polling: with nothing to hand out, wait up to this long for work. 0 answers at once. */
  waitMs: number;
}

export interface ExternalTaskServiceOptions {
  /** How long a waiting fetch goes without looking at the store again, in case an announcement was lost; default 2 s. */
  pollMs?: number;
  now: () => Date;
}

/**
 * External tasks for machine clients (Camunda's ExternalTaskService): fetch-and-lock with long
 * polling, complete, failure, BPMN error, extend-lock and unlock — each one command per task
 * through the executor — and the list administrators read. Used by the API.
 */
export class ExternalTaskService {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #signals: TopicSignals;
  readonly #pollMs: number;
  readonly #now: () => Date;

  constructor(executor: Executor, models: Models, signals: TopicSignals, options: ExternalTaskServiceOptions) {
    this.#executor = executor;
    this.#models = models;
    this.#signals = signals;
    this.#pollMs = options.pollMs ?? 2_000;
    this.#now = options.now;
  }

  /**
   * Locks up to `max` fetchable tasks of the topics for the worker, oldest first; with none,
   * waits up to `waitMs` for one (woken by new work on the topics, or when a lock seen ends).
   */
  async fetchAndLock(request: FetchRequest, actor: Actor): Promise<LockedExternalTask[]> {
    const refused = request.topics.filter((topic) => !mayServeTopic(actor, topic.name)).map((topic) => topic.name);
    if (refused.length > 0) throw new ForbiddenError(`this client may not work the topics ${refused.join(', ')}`);
    const names = request.topics.map((topic) => topic.name);
    const until = Date.now() + request.waitMs;
    for (;;) {
      const locked = await withoutRequestKey(() => this.#lockAvailable(request, actor));
      const left = until - Date.now();
      if (locked.length > 0 || left <= 0 || this.#signals.closed) return locked;
      // a soonest time already past is a projection about to change (a lock being written): look again shortly
      const soonest = await this.#soonestAvailable(names);
      await this.#signals.wait(names, Math.min(left, this.#pollMs, soonest > 0 ? soonest : staleRetryMs));
    }
  }

  complete(taskId: string, workerId: string, variables: Record<string, unknown>, actor: Actor): Promise<CompletedExternalTask> {
    return this.#run(taskId, new CompleteExternalTask(caseIdOfTask(taskId), taskId, workerId, variables), actor);
  }

  fail(taskId: string, workerId: string, report: FailureReport, actor: Actor): Promise<FailedExternalTask> {
    return this.#run(taskId, new FailExternalTask(caseIdOfTask(taskId), taskId, workerId, report), actor);
  }

  reportBpmnError(taskId: string, workerId: string, report: BpmnErrorReport, actor: Actor): Promise<CompletedExternalTask> {
    return this.#run(taskId, new ReportBpmnError(caseIdOfTask(taskId), taskId, workerId, report), actor);
  }

  extendLock(taskId: string, workerId: string, lockMs: number, actor: Actor): Promise<{ id: string; lockExpiresAt: string }> {
    return this.#run(taskId, new ExtendExternalTaskLock(caseIdOfTask(taskId), taskId, workerId, lockMs), actor);
  }

  unlock(taskId: string, workerId: string, actor: Actor): Promise<{ id: string }> {
    return this.#run(taskId, new UnlockExternalTask(caseIdOfTask(taskId), taskId, workerId), actor);
  }

  /** External tasks of a topic (or all), open or closed, oldest first, for administrators watching other systems' work. */
  async list(filter: { topic?: string; status: ExternalTaskRecord['status'] }, page: Page, by: Actor): Promise<{ items: ExternalTaskView[]; total: number }> {
    const query = { status: filter.status, ...(filter.topic === undefined ? {} : { topic: filter.topic }), ...jurisdictionFilter(jurisdictionOfActor(by), 'departments') };
    const { items, total } = await pagedFind<ExternalTaskRecord>(this.#models.externalTasks, query, { createdAt: 1 }, page);
    return { items: items.map(externalTaskView), total };
  }

  /** One lock attempt per candidate, up to `max` at once; a task another worker took meanwhile, or that closed, is passed over. */
  async #lockAvailable(request: FetchRequest, actor: Actor): Promise<LockedExternalTask[]> {
    const lockMs = new Map(request.topics.map((topic) => [topic.name, topic.lockMs]));
    const candidates = await this.#models.externalTasks
      .find({ topicKey: { $in: [...lockMs.keys()] }, availableAt: { $lte: this.#now() } }, { _id: 1, caseId: 1, topic: 1 })
      .sort({ availableAt: 1 })
      .limit(request.max * 3 + 5)
      .lean<Array<Pick<ExternalTaskRecord, '_id' | 'caseId' | 'topic'>>>();
    const locked: LockedExternalTask[] = [];
    for (let next = 0; next < candidates.length && locked.length < request.max; ) {
      const batch = candidates.slice(next, next + request.max - locked.length);
      next += batch.length;
      const outcomes = await Promise.all(batch.map((candidate) => this.#tryLock(new LockExternalTask(candidate.caseId, candidate._id, request.workerId, lockMs.get(candidate.topic) ?? 0), actor)));
      for (const outcome of outcomes) if (outcome) locked.push(outcome);
    }
    return locked;
  }

  async #tryLock(command: LockExternalTask, actor: Actor): Promise<LockedExternalTask | null> {
    try {
      const outcome = await this.#executor.run(command, actor);
      return 'locked' in outcome ? outcome.locked : null;
    } catch (error) {
      // another worker won the race, or the projection was older than the case: not this worker's
      if (error instanceof ConflictError || error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** Milliseconds until the soonest task of the topics becomes fetchable as far as the store shows (a lock or retry time ending). */
  async #soonestAvailable(topics: string[]): Promise<number> {
    const soonest = await this.#models.externalTasks.findOne({ topicKey: { $in: topics } }, { availableAt: 1 }).sort({ availableAt: 1 }).lean<Pick<ExternalTaskRecord, 'availableAt'>>();
    return soonest ? new Date(soonest.availableAt).getTime() - this.#now().getTime() : Number.POSITIVE_INFINITY;
  }

  /**
   * A command on one external task: 404 for a task of a topic the client does not serve or that
   * never existed, 409 for one that closed (completed, cancelled) or whose lock is not the worker's.
   */
  async #run<Result>(taskId: string, command: CaseCommand<Result>, actor: Actor): Promise<Result> {
    const hidden = () => new NotFoundError('external task', taskId);
    if (!command.caseId) throw hidden();
    try {
      return await this.#executor.run(command, actor);
    } catch (error) {
      if (error instanceof NotFoundError) throw hidden();
      if (!(error instanceof ExternalTaskNotOpenError)) throw error;
      const record = await this.#models.externalTasks.findById(taskId, { topic: 1, status: 1 }).lean<Pick<ExternalTaskRecord, 'topic' | 'status'>>();
      if (!record || !mayServeTopic(actor, record.topic)) throw hidden();
      throw new ConflictError(`external task ${taskId} is ${record.status === 'open' ? 'no longer open' : record.status}`);
    }
  }
}

