import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AuditLog } from './audit';
import { CallService } from './calls';
import { CalendarService } from './calendars';
import { DeadlineQueue, wantedDeadlines, wantedTimers } from './deadlines';
import { receiptNumbers } from './cases';
import { DefinitionRegistry } from './definitions';
import { ExternalTaskService, TopicSignals } from './external-tasks';
import { within } from './faults';
import { ServiceCatalogue } from './hall';
import { FileStore } from './files';
import { MessageService } from './messages';
import { Webhooks } from './webhooks';
import { OrgDirectory, ProcessOwnership } from './org';
import { resolveOptions, type GovflowOptions, type ResolvedOptions } from './options';
import type { CaseHead } from './records';
import { Executor, IncidentDesk } from './runtime';
import { StartSchedules } from './schedules';
import { CaseService, DefinitionService, SupervisionService, TaskService, TemplateService } from './services';
import { CaseLedger, Store } from './store';
import { upgradeStore } from './upgrades';
import { IdentityLinks, MachineClients, NameBook, RefreshTokens, SignInThrottle, StaffSearch, UserAdministration, userAuditTrail, UserDirectory } from './users';

export type { Page } from './store';
export type { AlertView, CaseDiagram, DefinitionDetail, DefinitionSummary, Directory } from './services';

/**
 * govflow's service surface, by audience as Camunda's ProcessEngine hands out its services:
 * cases, tasks, external tasks, messages, supervision, definitions, users — one class each,
 * each line a command or a read. Made by `Govflow.create`; used by the API, the CLI and the
 * worker. What spans them all (reconcile, readiness, closing) is here.
 */
export class Govflow {
  /** Cases: start, read, withdraw, copy, clocks, supplements, messages by name, timers, the audit. */
  readonly cases: CaseService;
  /** The inbox and the task operations. */
  readonly tasks: TaskService;
  /** External tasks for other departments' systems: fetch-and-lock, complete, failure, BPMN error. */
  readonly externalTasks: ExternalTaskService;
  /** Messages from staff, other systems and other cases: delivered to the waiting case, or starting cases. */
  readonly messages: MessageService;
  /** Cards, notices, notifications and figures (电子监察). */
  readonly supervision: SupervisionService;
  /** Deploying processes, their versions and drafts, the modeler's directory. */
  readonly definitions: DefinitionService;
  /** Templates a unit publishes and the units under it adopt (标准事项). */
  readonly templates: TemplateService;
  /** Call activities: child cases started, returned to their parents, ended with them. */
  readonly calls: CallService;
  /** Timer start events: one scheduler per process, one case per tick. */
  readonly startSchedules: StartSchedules;
  /** Incidents: the board's list, an administrator's retry or close. */
  readonly incidents: IncidentDesk;
  readonly users: UserDirectory;
  /** Names of people and units for answers; the staff address book behind the pages' pickers. */
  readonly names: NameBook;
  readonly staff: StaffSearch;
  /** Notifications going out to subscribers' webhooks (an SMS gateway), signed and retried. */
  readonly webhooks: Webhooks;
  /** Uploaded files (GridFS): stored as they stream in, read by those who may read a case that has them. */
  readonly files: FileStore;
  /** The online hall's catalogue of public services (办事指南), kept at deploy. */
  readonly services: ServiceCatalogue;
  /** The organisation tree: units, their names, and what each oversees. */
  readonly org: OrgDirectory;
  /** The admin API's and the CLI's user changes, audited per user. */
  readonly userAdmin: UserAdministration;
  /** The OpenID provider's people (统一身份认证) linked to users; an applicant's account made at their first sign-in. */
  readonly identities: IdentityLinks;
  /** Client credentials of other departments' systems (the system role), for the admin API and the CLI. */
  readonly clients: MachineClients;
  /** Refresh tokens of API sessions. */
  readonly refreshTokens: RefreshTokens;
  /** Failed sign-ins counted per account and address; the lock an administrator can lift. */
  readonly signIns: SignInThrottle;
  /** Compiled process versions, parsed once per process: what the executor runs. */
  readonly registry: DefinitionRegistry;
  readonly auditLog: AuditLog;
  readonly executor: Executor;
  readonly deadlines: DeadlineQueue;
  readonly #nextReceiptNo: () => Promise<string>;
  readonly #ledger: CaseLedger;
  readonly #topics: TopicSignals;

  private constructor(
    readonly store: Store,
    readonly redis: Redis,
    readonly calendars: CalendarService,
    readonly options: ResolvedOptions,
  ) {
    const { models } = store;
    this.deadlines = new DeadlineQueue(redis, options.queuePrefix, (error) => options.logger.debug({ err: error }, 'the deadline queue lost Redis'));
    this.org = new OrgDirectory(models, options.now);
    this.users = new UserDirectory(models, this.org);
    this.names = new NameBook(models, this.org);
    this.staff = new StaffSearch(models, this.org);
    this.refreshTokens = new RefreshTokens(models, options.now);
    this.userAdmin = new UserAdministration(models, this.users, userAuditTrail(models, options.now), this.refreshTokens, this.org);
    this.identities = new IdentityLinks(models, this.userAdmin, options.now);
    this.clients = new MachineClients(models, this.userAdmin, this.userAdmin.trail, this.refreshTokens);
    this.signIns = new SignInThrottle(redis, options.queuePrefix, options.signInLimits, models, options.logger, options.now);
    this.#ledger = new CaseLedger(store.collections, (error, claims) => options.logger.warn({ err: error, claims: claims.length }, 'could not delete the claims of applied outboxes; the repair sweep applies them again'));
    this.registry = new DefinitionRegistry(models, { allowScripts: options.allowScripts }, this.users, options.modelChecks);
    this.auditLog = new AuditLog(models, this.#ledger);
    this.#topics = new TopicSignals(redis, options.queuePrefix);
    this.executor = new Executor(store.collections, this.#ledger, this.registry, { maxAttempts: options.maxCommandAttempts, repairGraceMs: options.repairGraceMs, engine: { allowScripts: options.allowScripts, calendar: () => calendars.current, now: options.now }, liveCases: options.liveCases, calendar: () => calendars.current, deadlines: this.deadlines, topics: this.#topics, now: options.now }, options.logger);
    this.externalTasks = new ExternalTaskService(this.executor, models, this.#topics, { now: options.now });
    this.#nextReceiptNo = receiptNumbers(models, options.now);
    this.messages = new MessageService(this.executor, models, this.registry, this.#nextReceiptNo, options.now, options.logger);
    this.calls = new CallService(this.executor, models, this.#nextReceiptNo, options.logger);
    this.startSchedules = new StartSchedules(this.executor, models, this.registry, this.deadlines, this.#nextReceiptNo, options.logger);
    this.incidents = new IncidentDesk(this.executor, store, this.users, options.now);
    const ownership = new ProcessOwnership(models, this.org);
    this.services = new ServiceCatalogue(models, store.connection.db!.collection('services'), this.org);
    this.definitions = new DefinitionService(this.registry, models, { schedules: this.startSchedules, services: this.services }, { directory: this.org, ownership, names: this.names }, options.now, options.logger);
    this.templates = new TemplateService(models, this.definitions, this.org, ownership);
    this.webhooks = new Webhooks(models, this.deadlines, options.webhookRetry, options.now, options.logger);
    this.files = new FileStore(store.connection.db!, store.collections.cases, options.fileLimits, options.now);
    this.cases = new CaseService({ executor: this.executor, models, ledger: this.#ledger, auditLog: this.auditLog, definitions: this.registry, users: this.users, names: this.names, files: this.files, nextReceiptNo: this.#nextReceiptNo, ratingFollowUpLimit: options.ratingFollowUpLimit, now: options.now });
    this.tasks = new TaskService({ executor: this.executor, models, users: this.users, names: this.names, files: this.files, definitions: this.registry, auditLog: this.auditLog, now: options.now });
    this.supervision = new SupervisionService(this.executor, models, { users: this.users, org: this.org, names: this.names }, () => calendars.current, options.now);
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

  /** Both stores answer; used by /readyz. */
  async ready(): Promise<{ mongodb: boolean; redis: boolean }> {
    // each answers within a second, so a load balancer hears "not ready" rather than nothing
    const redis = this.redis.status === 'ready' ? within(this.redis.ping().then(() => true, () => false), 1_000, false) : false;
    const [mongodb, queue] = await Promise.all([within(this.store.ping(), 1_000, false), redis]);
    return { mongodb, redis: queue };
  }

  async close(): Promise<void> {
    await this.executor.settled();
    await this.registry.close();
    this.calendars.close();
    await this.deadlines.close();
    this.#topics.close();
    this.redis.disconnect();
    await this.store.close();
  }
}
