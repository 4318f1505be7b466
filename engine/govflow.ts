import { Redis } from 'ioredis';
import { within } from './faults';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { AuditLog, type ChainVerdict } from './audit';
import { CalendarService } from './calendars';
import { DeadlineQueue, wantedDeadlines, wantedTimers, type DeadlineJob, type TimerJob } from './deadlines';
import { assertCopyRecipients, caseAccess, caseListFilter, caseView, mayReadCase, type CaseAccess, opinionsFor, progressView, receiptNumbers, type CaseView, type NewAttachment, type ProgressView } from './cases';
import { DefinitionRegistry, type DeployOutcome } from './definitions';
import { InvalidInputError, NotFoundError } from './errors';
import { ExternalTaskService, externalTasksOf, TopicSignals } from './external-tasks';
import { MessageService } from './messages';
import { CallService, callsOf } from './calls';
import { StartSchedules } from './schedules';
import { resolveOptions, type GovflowOptions, type ResolvedOptions } from './options';
import {
  caseIdOfTask,
  engineTrail,
  ClaimTask,
  CloseAlert,
  CopyCase,
  type CopiedCase,
  DelegateTask,
  ResolveTask,
  TransferTask,
  UrgeTask,
  type ReassignedTask,
  type UrgedTask,
  CompleteTask,
  AddSigner,
  ReturnTask,
  WithdrawStep,
  type AddedSigner,
  type MovedBack,
  type SignerPosition,
  DeliverMessage,
  SupplementCase,
  type DeliveredMessage,
  Executor,
  IncidentDesk,
  FireTimer,
  type FiredTimer,
  ExtendClock,
  PauseClock,
  RaiseDeadlineAlert,
  ReplyNotice,
  SendNotice,
  ResumeClock,
  StartCase,
  TaskNotOpenError,
  UnclaimTask,
  VisibleOnly,
  WithdrawCase,
  type CaseCommand,
  type CommandAccess,
  type ClockAnswer,
  type RaisedAlert,
  type ClaimedTask,
  type CompletedTask,
  type CompleteTaskInput,
  type StartCaseInput,
  type StartedCase,
  type WithdrawnCase,
} from './runtime';
import type { AlertRecord, AuditRecord, CaseHead, DefinitionRecord, DraftRecord, Notice, NoticeRecord, NotificationRecord, PauseKind, Role, TaskRecord, UserRecord } from './records';
import { CaseLedger, pagedFind, Store, type Page } from './store';
import { upgradeStore } from './upgrades';
import { roles } from './users/roles';
import { clockView, type ClockView } from './clocks';
import { alertQuery, alertView, alertVisibility, audienceQuery, computeFigures, type FiguresQuery, type FiguresRow, caseIdOfAlert, noticeView, noticeVisibility, type AlertFilter, type NoticeView, unstaffedTasks, type UnstaffedTask } from './supervision';
import { byUrgency, inboxFilter, mayAct, readDoneList, taskView, type InboxScope, type TaskView } from './tasks';
import { MachineClients, RefreshTokens, SignInThrottle, systemActor, UserAdministration, UserAuditTrail, UserDirectory, type Actor } from './users';

export type AlertView = ReturnType<typeof alertView>;

export type { Page } from './store';

export interface DefinitionSummary {
  key: string;
  name: string;
  latestVersion: number;
  deployedAt: string;
}

/** A case on its diagram: the model of its version, the elements it passed, and where it waits now. */
export interface CaseDiagram {
  caseId: string;
  processKey: string;
  version: number;
  xml: string;
  /** Activities completed and sequence flows taken at least once. */
  trail: string[];
  /** The steps open now, with how urgent their clocks are. */
  current: Array<{ stepId: string; name: string; state: ClockView['state'] | null }>;
}

/** The departments, candidate groups and roles users have, for a designer to pick from. */
export interface Directory {
  departments: string[];
  groups: string[];
  roles: readonly Role[];
}

export interface DefinitionDetail {
  key: string;
  name: string;
  versions: Array<{ version: number; deployedAt: string; deployedBy: string }>;
  latest: { version: number; xml: string };
}

/**
 * govflow's service surface: one line per use case, each dispatching a command to the executor
 * or reading a projection. Made by `Govflow.create`; used by the API, the CLI and the worker.
 */
export class Govflow {
  readonly users: UserDirectory;
  /** The admin API's and the CLI's user changes, audited per user. */
  readonly userAdmin: UserAdministration;
  /** Client credentials of other departments' systems (the system role), for the admin API and the CLI. */
  readonly clients: MachineClients;
  /** Refresh tokens of API sessions. */
  readonly refreshTokens: RefreshTokens;
  /** Failed sign-ins counted per account and address; the lock an administrator can lift. */
  readonly signIns: SignInThrottle;
  readonly definitions: DefinitionRegistry;
  readonly auditLog: AuditLog;
  readonly executor: Executor;
  /** Incidents: the board's list, an administrator's retry or close. */
  readonly incidents: IncidentDesk;
  readonly #nextReceiptNo: () => Promise<string>;
  readonly #ledger: CaseLedger;

  readonly deadlines: DeadlineQueue;
  /** External tasks for other departments' systems: fetch-and-lock, complete, failure, BPMN error. */
  readonly externalTasks: ExternalTaskService;
  /** Messages from staff, other systems and other cases: delivered to the waiting case, or starting cases. */
  readonly messages: MessageService;
  /** Call activities: child cases started, returned to their parents, ended with them. */
  readonly calls: CallService;
  /** Timer start events: one scheduler per process, one case per tick. */
  readonly startSchedules: StartSchedules;
  readonly #topics: TopicSignals;

  private constructor(
    readonly store: Store,
    readonly redis: Redis,
    readonly calendars: CalendarService,
    readonly options: ResolvedOptions,
  ) {
    const { models } = store;
    this.deadlines = new DeadlineQueue(redis, options.queuePrefix, (error) => options.logger.debug({ err: error }, 'the deadline queue lost Redis'));
    this.users = new UserDirectory(models);
    this.refreshTokens = new RefreshTokens(models, options.now);
    this.userAdmin = new UserAdministration(models, this.users, new UserAuditTrail(models, options.now), this.refreshTokens);
    this.clients = new MachineClients(models, this.userAdmin, this.userAdmin.trail, this.refreshTokens);
    this.signIns = new SignInThrottle(redis, options.queuePrefix, options.signInLimits, models, options.logger, options.now);
    this.#ledger = new CaseLedger(store.collections, (error, claims) => options.logger.warn({ err: error, claims: claims.length }, 'could not delete the claims of applied outboxes; the repair sweep applies them again'));
    this.definitions = new DefinitionRegistry(models, { allowScripts: options.allowScripts }, this.users, options.modelChecks);
    this.auditLog = new AuditLog(models, this.#ledger);
    this.#topics = new TopicSignals(redis, options.queuePrefix);
    this.executor = new Executor(store.collections, this.#ledger, this.definitions, { maxAttempts: options.maxCommandAttempts, repairGraceMs: options.repairGraceMs, engine: { allowScripts: options.allowScripts, calendar: () => calendars.current, now: options.now }, liveCases: options.liveCases, calendar: () => calendars.current, deadlines: this.deadlines, topics: this.#topics, now: options.now }, options.logger);
    this.externalTasks = new ExternalTaskService(this.executor, models, this.#topics, { now: options.now });
    this.#nextReceiptNo = receiptNumbers(models, options.now);
    this.messages = new MessageService(this.executor, models, this.definitions, this.#nextReceiptNo, options.now, options.logger);
    this.calls = new CallService(this.executor, models, this.#nextReceiptNo, options.logger);
    this.startSchedules = new StartSchedules(this.executor, models, this.definitions, this.deadlines, this.#nextReceiptNo, options.logger);
    this.incidents = new IncidentDesk(this.executor, store, this.users, options.now);
  }

  /** Connects to MongoDB and Redis and makes sure the indexes exist. */
  static async create(options: GovflowOptions): Promise<Govflow> {
    const resolved = resolveOptions(options);
    const store = await Store.create(resolved.mongodbUri, resolved.dbName, resolved.onStoreCommand);
    const redis = new Redis(resolved.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    try {
      await upgradeStore(store.connection.db!, resolved.logger);
      await store.ensureIndexes();
      await redis.connect();
      const calendars = await CalendarService.create(store.models, resolved.logger);
      return new Govflow(store, redis, calendars, resolved);
    } catch (error) {
      redis.disconnect();
      await store.close();
      throw error;
    }
  }

  get log(): Logger {
    return this.options.logger;
  }

  /** Deploys a model; a process that starts on a timer has its schedule follow the new version (reconcile catches up if Redis is away). */
  async deploy(xml: string, actor: Actor): Promise<DeployOutcome> {
    const outcome = await this.definitions.deploy(xml, actor.username);
    if (outcome.created) {
      await this.startSchedules.sync(outcome.key).catch((error: unknown) => this.log.warn({ err: error, processKey: outcome.key }, 'could not update the timer start schedule; the next reconcile does'));
    }
    return outcome;
  }

  async listDefinitions(): Promise<DefinitionSummary[]> {
    const records = await this.store.models.definitions.find({}, { xml: 0, catalogue: 0 }).sort({ key: 1, version: -1 }).lean<DefinitionRecord[]>();
    const latest = new Map<string, DefinitionRecord>();
    for (const record of records) if (!latest.has(record.key)) latest.set(record.key, record);
    return [...latest.values()].map((record) => ({ key: record.key, name: record.name, latestVersion: record.version, deployedAt: record.deployedAt.toISOString() }));
  }

  /** One deployed version's XML, e.g. to compare a draft with it. */
  async getDefinitionVersion(key: string, version: number): Promise<{ key: string; version: number; xml: string }> {
    const record = await this.store.models.definitions.findOne({ key, version }, { xml: 1 }).lean<DefinitionRecord>();
    if (!record) throw new NotFoundError('process version', `${key} v${version}`);
    return { key, version, xml: record.xml };
  }

  /** Saves a designer's work in progress on a process; deploying is a separate, linted step. */
  async saveDraft(key: string, xml: string, actor: Actor): Promise<{ key: string; savedAt: string }> {
    const savedAt = this.options.now();
    await this.store.models.drafts.replaceOne({ _id: key }, { _id: key, xml, savedBy: actor.username, savedAt }, { upsert: true });
    return { key, savedAt: savedAt.toISOString() };
  }

  /** Every saved draft, newest first, without its XML: drafts of processes not deployed yet included. */
  async listDrafts(): Promise<Array<{ key: string; savedBy: string; savedAt: string }>> {
    const drafts = await this.store.models.drafts.find({}, { xml: 0 }).sort({ savedAt: -1 }).lean<DraftRecord[]>();
    return drafts.map((draft) => ({ key: draft._id, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() }));
  }

  async getDraft(key: string): Promise<{ key: string; xml: string; savedBy: string; savedAt: string }> {
    const draft = await this.store.models.drafts.findById(key).lean<DraftRecord>();
    if (!draft) throw new NotFoundError('draft', key);
    return { key, xml: draft.xml, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() };
  }

  /** Departments, groups and roles in use, for pickers in the modeler. */
  async directory(): Promise<Directory> {
    const users = await this.store.models.users.find({}, { department: 1, groups: 1 }).lean<Array<Pick<UserRecord, 'department' | 'groups'>>>();
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
    return { departments: sorted(users.flatMap((user) => (user.department ? [user.department] : []))), groups: sorted(users.flatMap((user) => user.groups)), roles };
  }

  /** The case on its diagram, for the case viewer. */
  async caseDiagram(caseId: string, actor: Actor): Promise<CaseDiagram> {
    const head = await this.#readableCase(caseId, actor);
    const [latest, definition] = await Promise.all([this.#ledger.latest(caseId), this.getDefinitionVersion(head.processKey, head.version)]);
    const now = this.options.now();
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

  async getDefinition(key: string): Promise<DefinitionDetail> {
    const records = await this.store.models.definitions.find({ key }, { catalogue: 0 }).sort({ version: -1 }).lean<DefinitionRecord[]>();
    if (records.length === 0) throw new NotFoundError('process', key);
    return {
      key,
      name: records[0].name,
      versions: records.map((record) => ({ version: record.version, deployedAt: record.deployedAt.toISOString(), deployedBy: record.deployedBy })),
      latest: { version: records[0].version, xml: records[0].xml },
    };
  }

  /** Starts a case; `created` is false when the Idempotency-Key named an existing one. */
  startCase(input: StartCaseInput, actor: Actor): Promise<{ result: StartedCase; created: boolean }> {
    return this.executor.create(new StartCase(input, actor.username, this.#nextReceiptNo), actor);
  }

  async getCase(caseId: string, actor: Actor): Promise<CaseView> {
    const record = await this.#readableCase(caseId, actor);
    return caseView(record, await this.auditLog.entries(caseId), actor, this.options.now());
  }

  withdrawCase(caseId: string, reason: string | undefined, actor: Actor): Promise<WithdrawnCase> {
    return this.#caseCommand(new WithdrawCase(caseId, reason), actor);
  }

  /** 抄送: staff who handle a case copy it to other staff or their groups; anyone else is refused before anything is written. */
  async copyCase(caseId: string, users: string[], groups: string[], note: string | undefined, actor: Actor): Promise<CopiedCase> {
    await assertCopyRecipients(this.users, users, groups);
    return this.#caseCommand(new CopyCase(caseId, users, groups, note), actor);
  }

  /** 抄送 from the inbox: the case of a task the actor may act on. */
  async copyCaseOfTask(taskId: string, users: string[], groups: string[], note: string | undefined, actor: Actor): Promise<CopiedCase> {
    await assertCopyRecipients(this.users, users, groups);
    return this.#taskCommand(taskId, new CopyCase(caseIdOfTask(taskId), users, groups, note), actor);
  }

  /** The cases of a list: an applicant's own, or the ones copied to the actor or their groups; newest first, a page at a time. */
  async listCases(actor: Actor, scope: 'mine' | 'copied', page: Page = { limit: 100, offset: 0 }): Promise<{ items: CaseView[]; total: number }> {
    const { items, total } = await this.#page<CaseHead>(this.store.models.cases, caseListFilter(actor, scope), { createdAt: -1 }, page);
    const now = this.options.now();
    return { items: items.map((head) => caseView(head, [], actor, now)), total };
  }

  pauseClock(caseId: string, kind: PauseKind, reason: string, actor: Actor): Promise<ClockAnswer> {
    return this.#caseCommand(new PauseClock(caseId, kind, reason), actor);
  }

  resumeClock(caseId: string, note: string | undefined, actor: Actor): Promise<ClockAnswer> {
    return this.#caseCommand(new ResumeClock(caseId, note), actor);
  }

  /** The applicant hands in supplementary materials (补正): the waiting case receives them and goes on. */
  supplement(caseId: string, input: { note?: string; attachments?: NewAttachment[] }, actor: Actor): Promise<DeliveredMessage> {
    return this.#caseCommand(new SupplementCase(caseId, input.note, input.attachments), actor);
  }

  /** A BPMN message, by name, reaches the case's waiting message event or receive task. */
  deliverMessage(caseId: string, message: string, actor: Actor, variables: Record<string, unknown> = {}): Promise<DeliveredMessage> {
    return this.#caseCommand(new DeliverMessage(caseId, message, variables), actor);
  }

  extendClock(caseId: string, extension: string, reason: string, actor: Actor): Promise<ClockView> {
    return this.#caseCommand(new ExtendClock(caseId, extension, reason), actor);
  }

  /** Open tasks nobody in the directory can act on now, oldest first, for the supervision office. */
  async listUnstaffedTasks(page: Page): Promise<{ items: UnstaffedTask[]; total: number }> {
    const all = await unstaffedTasks(this.store.models, this.users);
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }

  /** Alerts the actor may see, newest first, a page at a time. */
  async listAlerts(actor: Actor, filter: AlertFilter, page: { page: number; pageSize: number }): Promise<{ items: AlertView[]; total: number }> {
    const { items, total } = await this.#page<AlertRecord>(this.store.models.alerts, alertQuery(actor, filter), { raisedAt: -1 }, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
    return { items: items.map(alertView), total };
  }

  async getAlert(alertId: string, actor: Actor): Promise<AlertView> {
    const record = await this.store.models.alerts.findOne({ ...alertVisibility(actor), _id: alertId }).lean<AlertRecord>();
    if (!record) throw new NotFoundError('alert', alertId);
    return alertView(record);
  }

  async closeAlert(alertId: string, note: string, actor: Actor): Promise<AlertView> {
    await this.getAlert(alertId, actor);
    const caseId = caseIdOfAlert(alertId);
    await this.executor.run(new CloseAlert(caseId, alertId, note), actor);
    return this.getAlert(alertId, actor);
  }

  /** The office sends a supervision notice about a case to a department. */
  sendNotice(caseId: string, department: string, message: string, replyLimit: string, actor: Actor): Promise<Notice> {
    return this.#caseCommand(new SendNotice(caseId, department, message, replyLimit), actor);
  }

  /** The department named in a notice answers it; others do not even see it. */
  async replyNotice(noticeId: string, explanation: string, actor: Actor): Promise<Notice> {
    const notice = await this.store.models.notices.findOne({ ...noticeVisibility(actor), _id: noticeId }).lean<NoticeRecord>();
    if (!notice) throw new NotFoundError('notice', noticeId);
    return this.executor.run(new ReplyNotice(notice.caseId, noticeId, explanation), actor);
  }

  /** Notices the actor may see, newest first, a page at a time: the office all, a department the ones sent to it. */
  async listNotices(actor: Actor, filter: { awaitingReply?: boolean }, page: Page = { limit: 100, offset: 0 }): Promise<{ items: NoticeView[]; total: number }> {
    const query = { ...noticeVisibility(actor), ...(filter.awaitingReply === undefined ? {} : { awaitingReply: filter.awaitingReply }) };
    const { items, total } = await this.#page<NoticeRecord>(this.store.models.notices, query, { sentAt: -1 }, page);
    const now = this.options.now();
    return { items: items.map((record) => noticeView(record, now)), total };
  }

  /** The actor's in-app notifications, newest first, a page at a time: addressed to them, their department or their role. */
  listNotifications(actor: Actor, page: Page = { limit: 100, offset: 0 }): Promise<{ items: NotificationRecord[]; total: number }> {
    return this.#page<NotificationRecord>(this.store.models.notifications, audienceQuery(actor), { at: -1 }, page);
  }

  /** The office's figures per department or process for a period (按时办结率 and the rest). */
  figures(query: FiguresQuery): Promise<FiguresRow[]> {
    return computeFigures(this.store.models, this.calendars.current, query);
  }

  /** Called by the deadline worker when a BPMN timer's job fires. */
  fireTimer(job: TimerJob): Promise<FiredTimer> {
    return this.executor.run(new FireTimer(job), systemActor);
  }

  /** Called by the deadline worker when a job fires. */
  raiseDeadlineAlert(job: DeadlineJob): Promise<RaisedAlert> {
    return this.executor.run(new RaiseDeadlineAlert(job), systemActor);
  }

  /**
   * Schedules every deadline job the running cases need, and the reply jobs of notices still
   * awaiting a reply on ended cases; the jobs' ids make it idempotent. Run at start-up and on
   * demand, so a Redis that lost its data loses no deadline. Reads those cases only, by index.
   */
  async reconcileDeadlines(): Promise<number> {
    const { cases, notices } = this.store.models;
    const awaiting: string[] = await notices.distinct('caseId', { awaitingReply: true });
    let scheduled = 0;
    const schedule = async (head: CaseHead) => {
      const deadlines = wantedDeadlines(head);
      const timers = wantedTimers(head);
      for (const job of deadlines) await this.deadlines.schedule(job);
      for (const job of timers) await this.deadlines.schedule(job, 'timer');
      scheduled += deadlines.length + timers.length;
    };
    for await (const head of cases.find({ status: 'running' }).lean<CaseHead>().cursor()) await schedule(head);
    // the ended cases a notice still waits on; the running ones were scheduled above
    for await (const head of cases.find({ _id: { $in: awaiting } }).lean<CaseHead>().cursor()) if (head.status !== 'running') await schedule(head);
    // messages thrown but not delivered yet, what parent and child cases still owe each other, and timer start schedules
    for (const id of await this.messages.pendingIds()) {
      await this.deadlines.schedule({ id, at: 0 }, 'message');
      scheduled += 1;
    }
    return scheduled + (await this.calls.reconcile(this.deadlines)) + (await this.startSchedules.reconcile());
  }

  /** A page of a list in `sort`'s order, with how many the whole list holds. */
  #page<T>(model: Model<T>, query: Record<string, unknown>, sort: Record<string, 1 | -1>, page: Page): Promise<{ items: T[]; total: number }> {
    return pagedFind(model, query, sort, page);
  }

  /** Public progress by receipt number; a wrong code answers like an unknown number. */
  async progress(receiptNo: string, queryCode: string): Promise<ProgressView> {
    const record = await this.store.models.cases.findOne({ receiptNo }).lean<CaseHead>();
    if (!record || record.queryCode !== queryCode.toUpperCase()) throw new NotFoundError('receipt number', receiptNo);
    return progressView(record);
  }

  /**
   * An open inbox list, most urgent first, a page at a time. The list is read whole — open tasks
   * of one person or their groups only — since urgency is computed from each clock now.
   */
  async listTasks(actor: Actor, scope: InboxScope, page: Page = { limit: 100, offset: 0 }): Promise<{ items: TaskView[]; total: number }> {
    const records = await this.store.models.tasks.find(inboxFilter(actor, scope)).lean<TaskRecord[]>();
    const now = this.options.now();
    const items = records.map((record) => taskView(record, now)).sort(byUrgency);
    return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
  }

  /** The done list (已办): tasks the actor completed, newest first, a page at a time by cursor. */
  async listDoneTasks(actor: Actor, page: { limit: number; cursor?: string }): Promise<{ items: TaskView[]; nextCursor: string | null }> {
    const now = this.options.now();
    const read = (key: string) => this.store.models.tasks.find({ doneKey: key }).lean<TaskRecord[]>();
    const done = await readDoneList(read, actor.username, { ...page, now });
    return { items: done.items.map((record) => taskView(record, now)), nextCursor: done.nextCursor };
  }

  /** A task as a clerk opens it: its form and decisions, plus its case's materials and opinions so far. */
  async getTask(taskId: string, actor: Actor): Promise<TaskView & { caseStatus: CaseHead['status']; attachments: CaseView['attachments']; opinions: CaseView['opinions'] }> {
    const [task, record] = await Promise.all([
      this.store.models.tasks.findById(taskId).lean<TaskRecord>(),
      this.store.models.cases.findById(caseIdOfTask(taskId)).lean<CaseHead>(),
    ]);
    const open = record?.openTasks.find((candidate) => candidate.id === taskId);
    if (!task || !record || !(mayReadCase(actor, record) || (open !== undefined && mayAct(open, actor)))) throw new NotFoundError('task', taskId);
    return { ...taskView(task, this.options.now()), caseStatus: record.status, attachments: record.attachments, opinions: opinionsFor(record.opinions, false) };
  }

  claimTask(taskId: string, actor: Actor): Promise<ClaimedTask> {
    return this.#taskCommand(taskId, new ClaimTask(caseIdOfTask(taskId), taskId), actor);
  }

  unclaimTask(taskId: string, actor: Actor): Promise<ClaimedTask> {
    return this.#taskCommand(taskId, new UnclaimTask(caseIdOfTask(taskId), taskId), actor);
  }

  /** 转办: the task moves to another member of staff, who owns it. */
  async transferTask(taskId: string, to: string, reason: string, actor: Actor): Promise<ReassignedTask> {
    await this.#assertStaff(to);
    return this.#taskCommand(taskId, new TransferTask(caseIdOfTask(taskId), taskId, to, reason), actor);
  }

  /** 委派: another member of staff does the work, then the task comes back to its owner. */
  async delegateTask(taskId: string, to: string, note: string | undefined, actor: Actor): Promise<ReassignedTask> {
    await this.#assertStaff(to);
    return this.#taskCommand(taskId, new DelegateTask(caseIdOfTask(taskId), taskId, to, note), actor);
  }

  /** 催办: the applicant, the office or a leader of the case reminds the task's handler; once an hour; not through a copy. */
  urgeTask(taskId: string, message: string | undefined, actor: Actor): Promise<UrgedTask> {
    return this.#taskCommand(taskId, new UrgeTask(caseIdOfTask(taskId), taskId, message), actor);
  }

  /** The delegate hands a delegated task back to its owner. */
  resolveTask(taskId: string, comment: string | undefined, actor: Actor): Promise<ReassignedTask> {
    return this.#taskCommand(taskId, new ResolveTask(caseIdOfTask(taskId), taskId, comment), actor);
  }

  completeTask(taskId: string, input: CompleteTaskInput, actor: Actor): Promise<CompletedTask> {
    return this.#taskCommand(taskId, new CompleteTask(caseIdOfTask(taskId), taskId, input), actor);
  }

  /** 退回: the handler sends the case back to the previous step, or to an earlier one it passed (`to`), with a reason. */
  returnTask(taskId: string, input: { reason: string; to?: string }, actor: Actor): Promise<MovedBack> {
    return this.#taskCommand(taskId, new ReturnTask(caseIdOfTask(taskId), taskId, input.reason, input.to), actor);
  }

  /** 撤回: whoever completed a step takes it back while the next step is untouched; `taskId` is the completed task. */
  withdrawStep(taskId: string, reason: string | undefined, actor: Actor): Promise<MovedBack> {
    return this.#taskCommand(taskId, new WithdrawStep(caseIdOfTask(taskId), taskId, reason), actor);
  }

  /** 加签: a signer of a countersign adds a user or a group (`role@department`) before or after themself. */
  async addSigner(taskId: string, input: { signer: string; position: SignerPosition; reason?: string }, actor: Actor): Promise<AddedSigner> {
    if (!input.signer.includes('@')) await this.#assertStaff(input.signer, '/signer');
    return this.#taskCommand(taskId, new AddSigner(caseIdOfTask(taskId), taskId, input.signer, input.position, input.reason), actor);
  }

  async auditEntries(caseId: string): Promise<AuditRecord[]> {
    if (!(await this.store.models.cases.exists({ _id: caseId }))) throw new NotFoundError('case', caseId);
    return this.auditLog.entries(caseId);
  }

  /** Applies the case's pending outbox, then checks its chain. */
  async verifyAudit(caseId: string): Promise<ChainVerdict> {
    await this.executor.repair({ caseId });
    return this.auditLog.verify(caseId);
  }

  /** Both stores answer; used by /readyz. */
  async ready(): Promise<{ mongodb: boolean; redis: boolean }> {
    // each answers within a second, so a load balancer hears "not ready" rather than nothing
    const redis = this.redis.status === 'ready' ? within(this.redis.ping().then(() => true, () => false), 1_000, false) : false;
    const [mongodb, queue] = await Promise.all([within(this.store.ping(), 1_000, false), redis]);
    return { mongodb, redis: queue };
  }

  async close(): Promise<void> {
    await this.executor.settled();
    await this.definitions.close();
    this.calendars.close();
    await this.deadlines.close();
    this.#topics.close();
    this.redis.disconnect();
    await this.store.close();
  }

  /** Tasks go only to staff who exist: a typo must not strand a task with nobody. */
  async #assertStaff(username: string, path = '/to'): Promise<void> {
    const user = await this.store.models.users.findById(username, { roles: 1 }).lean();
    if (!user || !user.roles.some((role) => role === 'clerk' || role === 'leader')) {
      throw new InvalidInputError(`no clerk or leader is called ${JSON.stringify(username)}`, [{ path, message: 'name an existing clerk or leader' }], 422);
    }
  }

  /** A command on a case the actor may act on; 404 for one they may not see, 403 for one copied to them. */
  #caseCommand<Result>(command: CaseCommand<Result>, actor: Actor): Promise<Result> {
    return this.executor.run(new VisibleOnly(command, (record, who) => commandAccess(caseAccess(who, record)), () => new NotFoundError('case', command.caseId)), actor);
  }

  async #readableCase(caseId: string, actor: Actor): Promise<CaseHead> {
    const record = await this.store.models.cases.findById(caseId).lean<CaseHead>();
    if (!record || !mayReadCase(actor, record)) throw new NotFoundError('case', caseId);
    return record;
  }

  /**
   * Task commands answer 404 for a task nobody may see and for one that never existed (also when
   * its case does not); 409 for one that closed; 403 for one whose case they read only through a
   * copy. The actor may see a task of a case they may read, or an open task they may act on.
   */
  async #taskCommand<Result>(taskId: string, command: CaseCommand<Result>, actor: Actor): Promise<Result> {
    const hidden = () => new NotFoundError('task', taskId);
    if (!command.caseId) throw hidden();
    const access = (record: CaseHead, who: Actor): CommandAccess => (record.openTasks.some((task) => task.id === taskId && mayAct(task, who)) ? 'act' : commandAccess(caseAccess(who, record)));
    try {
      return await this.executor.run(new VisibleOnly(command, access, hidden), actor);
    } catch (error) {
      if (error instanceof NotFoundError) throw hidden();
      if (error instanceof TaskNotOpenError && !(await this.store.models.tasks.exists({ _id: taskId }))) throw hidden();
      throw error;
    }
  }
}

/** A command may act on a case the actor reads for a reason of their own; a copy (抄送) is for reading only. */
function commandAccess(access: CaseAccess | null): CommandAccess {
  if (access === null) return 'hidden';
  return access === 'copy' ? 'read' : 'act';
}
