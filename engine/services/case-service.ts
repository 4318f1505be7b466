import { type ChainVerdict, type AuditLog } from '../audit';
import { approvalSheet, assertCopyRecipients, caseListFilter, type ApprovalSheet, caseMentions, caseView, mayReadCase, progressView, type CaseDetail, type CaseDiagram, type CaseView, type ProgressView } from '../cases';
import { callsOf } from '../calls';
import { clockView, type ClockView } from '../clocks';
import type { TimerJob } from '../deadlines';
import type { DefinitionRegistry } from '../definitions';
import { NotFoundError } from '../errors';
import { rateableStages } from '../ratings';
import type { AttachmentInput, FileStore, WithAttachmentInputs } from '../files';
import { externalTasksOf } from '../external-tasks';
import { searchConditions } from '../tasks';
import type { AuditRecord, CaseHead, PauseKind, Rating } from '../records';
import {
  CopyCase,
  DeliverMessage,
  engineTrail,
  ExtendClock,
  FireTimer,
  HandInDeferredMaterials,
  PauseClock,
  RateCase,
  ResumeClock,
  StartCase,
  SupplementCase,
  WithdrawCase,
  type ClockAnswer,
  type CopiedCase,
  type DeliveredMessage,
  type FiredTimer,
  type HandedIn,
  type RatingInput,
  type StartCaseInput,
  type StartedCase,
  type WithdrawnCase,
} from '../runtime';
import type { Executor } from '../runtime/executor';
import type { CaseLedger } from '../store/case-ledger';
import type { NameBook } from '../users/name-book';
import type { Names } from '../users/names';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import { systemActor, type Actor } from '../users/actor';
import type { UserDirectory } from '../users/user-directory';
import { runOnCase } from './visible-commands';
import { resolveSearch, type WorkSearchInput } from './work-search-input';

export interface CaseServiceDependencies {
  executor: Executor;
  models: Models;
  ledger: CaseLedger;
  auditLog: AuditLog;
  definitions: DefinitionRegistry;
  users: UserDirectory;
  names: NameBook;
  files: FileStore;
  nextReceiptNo: () => Promise<string>;
  /** The limit of a poor rating's follow-up (差评整改), e.g. 15WD. */
  ratingFollowUpLimit: string;
  now: () => Date;
}

/**
 * Cases (Camunda's RuntimeService): start, read, withdraw, copy, the clocks, supplements and
 * messages by name, timers firing, the audit trail. Each line a command through the executor
 * or a read of a projection. Used by the API, the CLI and the worker.
 */
export class CaseService {
  readonly #deps: CaseServiceDependencies;

  constructor(dependencies: CaseServiceDependencies) {
    this.#deps = dependencies;
  }

  /** Starts a case; `created` is false when the Idempotency-Key named an existing one. Files it attaches must be the applicant's own. */
  async start(input: WithAttachmentInputs<StartCaseInput>, actor: Actor): Promise<{ result: StartedCase; created: boolean }> {
    const attachments = await this.#deps.files.attachments(input.attachments, actor, '/attachments');
    return this.#deps.executor.create(new StartCase({ ...input, attachments }, actor.username, this.#deps.nextReceiptNo), actor);
  }

  /** A case as its reader may see it, with the names of the people and units it mentions. */
  async get(caseId: string, actor: Actor): Promise<CaseDetail> {
    const record = await this.readable(caseId, actor);
    const [entries, definition] = await Promise.all([this.#deps.auditLog.entries(caseId), this.#deps.definitions.get(record.processKey, record.version)]);
    const view = caseView(record, entries, actor, this.#deps.now());
    // the query code is in the applicant's own view only; so are the stages they may rate
    const rateable = view.queryCode === undefined ? {} : { rateable: rateableStages(record, definition.catalogue) };
    return { ...view, processName: definition.name, ...rateable, names: await this.#deps.names.names(caseMentions([view])) };
  }

  /**
   * The cases of a list: the ones the actor opened (an applicant's own, or 我发起的 of staff who
   * filed a case), or the ones copied to the actor or their groups (抄送我的); newest first, a
   * page at a time, narrowed by a search.
   */
  async list(actor: Actor, scope: 'mine' | 'copied', page: Page = { limit: 100, offset: 0 }, search?: WorkSearchInput): Promise<{ items: CaseView[]; total: number; names: Names }> {
    const conditions = searchConditions(await resolveSearch(this.#deps.users, search), 'case', 'createdAt');
    const { items: heads, total } = await pagedFind<CaseHead>(this.#deps.models.cases, { ...caseListFilter(actor, scope), ...conditions }, { createdAt: -1 }, page);
    const now = this.#deps.now();
    const items = heads.map((head) => caseView(head, [], actor, now));
    return { items, total, names: await this.#deps.names.names(caseMentions(items)) };
  }

  /** The 审批单 of a case, for staff and the office to print: forms as filled, every opinion by name and time, the outcome. */
  async approvalSheet(caseId: string, actor: Actor): Promise<ApprovalSheet & { names: Names }> {
    const record = await this.readable(caseId, actor);
    const sheet = approvalSheet(record, await this.#deps.definitions.get(record.processKey, record.version));
    return { ...sheet, names: await this.#deps.names.names({ people: [sheet.applicant, ...sheet.opinions.map((opinion) => opinion.by)] }) };
  }

  /** The case on its diagram, for the case viewer. */
  async diagram(caseId: string, actor: Actor): Promise<CaseDiagram> {
    const head = await this.readable(caseId, actor);
    const [latest, definition] = await Promise.all([this.#deps.ledger.latest(caseId), this.#deps.models.definitions.findOne({ key: head.processKey, version: head.version }, { xml: 1 }).lean()]);
    if (!definition) throw new NotFoundError('process version', `${head.processKey} v${head.version}`);
    const now = this.#deps.now();
    return {
      caseId,
      processKey: head.processKey,
      version: head.version,
      xml: definition.xml,
      trail: latest ? engineTrail(latest.record.engineState) : [],
      current: [
        ...head.openTasks.map((task) => ({ stepId: task.stepId, name: task.name, state: task.clock ? clockView(task.clock, now).state : null })),
        ...[...externalTasksOf(head), ...callsOf(head)].map((step) => ({ stepId: step.stepId, name: step.name, state: null })),
      ],
    };
  }

  /** Public progress by receipt number; a wrong code answers like an unknown number. */
  async progress(receiptNo: string, queryCode: string): Promise<ProgressView> {
    const record = await this.#deps.models.cases.findOne({ receiptNo }).lean<CaseHead>();
    if (!record || record.queryCode !== queryCode.toUpperCase()) throw new NotFoundError('receipt number', receiptNo);
    return progressView(record, this.#deps.now());
  }

  withdraw(caseId: string, reason: string | undefined, actor: Actor): Promise<WithdrawnCase> {
    return runOnCase(this.#deps.executor, new WithdrawCase(caseId, reason), actor);
  }

  /** 好差评: the applicant rates a stage of their case, once; a poor rating opens its follow-up for the department. */
  rate(caseId: string, input: RatingInput, actor: Actor): Promise<Rating> {
    return runOnCase(this.#deps.executor, new RateCase(caseId, input, this.#deps.ratingFollowUpLimit), actor);
  }

  /** 抄送: staff who handle a case copy it to other staff or their groups; anyone else is refused before anything is written. */
  async copy(caseId: string, users: string[], groups: string[], note: string | undefined, actor: Actor): Promise<CopiedCase> {
    await assertCopyRecipients(this.#deps.users, users, groups);
    return runOnCase(this.#deps.executor, new CopyCase(caseId, users, groups, note), actor);
  }

  pauseClock(caseId: string, kind: PauseKind, reason: string, actor: Actor): Promise<ClockAnswer> {
    return runOnCase(this.#deps.executor, new PauseClock(caseId, kind, reason), actor);
  }

  resumeClock(caseId: string, note: string | undefined, actor: Actor): Promise<ClockAnswer> {
    return runOnCase(this.#deps.executor, new ResumeClock(caseId, note), actor);
  }

  extendClock(caseId: string, extension: string, reason: string, actor: Actor): Promise<ClockView> {
    return runOnCase(this.#deps.executor, new ExtendClock(caseId, extension, reason), actor);
  }

  /** The applicant hands in supplementary materials (补正): the waiting case receives them and goes on. */
  async supplement(caseId: string, input: { note?: string; attachments?: AttachmentInput[] }, actor: Actor): Promise<DeliveredMessage> {
    const attachments = await this.#deps.files.attachments(input.attachments, actor, '/attachments');
    return runOnCase(this.#deps.executor, new SupplementCase(caseId, input.note, attachments), actor);
  }

  /** 容缺受理: the applicant hands in the materials the application was accepted without. */
  async handInDeferred(caseId: string, input: { note?: string; attachments: AttachmentInput[] }, actor: Actor): Promise<HandedIn> {
    const attachments = await this.#deps.files.attachments(input.attachments, actor, '/attachments');
    return runOnCase(this.#deps.executor, new HandInDeferredMaterials(caseId, attachments ?? [], input.note), actor);
  }

  /** A BPMN message, by name, reaches the case's waiting message event or receive task. */
  deliverMessage(caseId: string, message: string, actor: Actor, variables: Record<string, unknown> = {}): Promise<DeliveredMessage> {
    return runOnCase(this.#deps.executor, new DeliverMessage(caseId, message, variables), actor);
  }

  /** Called by the deadline worker when a BPMN timer's job fires. */
  fireTimer(job: TimerJob): Promise<FiredTimer> {
    return this.#deps.executor.run(new FireTimer(job), systemActor);
  }

  async auditEntries(caseId: string): Promise<AuditRecord[]> {
    if (!(await this.#deps.models.cases.exists({ _id: caseId }))) throw new NotFoundError('case', caseId);
    return this.#deps.auditLog.entries(caseId);
  }

  /** Applies the case's pending outbox, then checks its chain. */
  async verifyAudit(caseId: string): Promise<ChainVerdict> {
    await this.#deps.executor.repair({ caseId });
    return this.#deps.auditLog.verify(caseId);
  }

  /** The case's head when the actor may read it; 404 otherwise, as if it did not exist (the audit routes check this first). */
  async readable(caseId: string, actor: Actor): Promise<CaseHead> {
    const record = await this.#deps.models.cases.findById(caseId).lean<CaseHead>();
    if (!record || !mayReadCase(actor, record)) throw new NotFoundError('case', caseId);
    return record;
  }
}
