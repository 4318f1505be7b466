import { assertCopyRecipients, mayReadCase, opinionsFor } from '../cases';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import type { FileStore, WithAttachmentInputs } from '../files';
import type { CaseHead, TaskRecord } from '../records';
import {
  AddSigner,
  caseIdOfTask,
  ClaimTask,
  CompleteTask,
  CopyCase,
  DelegateTask,
  ResolveTask,
  ReturnTask,
  TransferTask,
  UnclaimTask,
  UrgeTask,
  WithdrawStep,
  type AddedSigner,
  type CaseCommand,
  type ClaimedTask,
  type CompletedTask,
  type CompleteTaskInput,
  type CopiedCase,
  type MovedBack,
  type ReassignedTask,
  type SignerPosition,
  type UrgedTask,
} from '../runtime';
import type { Executor } from '../runtime/executor';
import type { AuditLog } from '../audit';
import type { DefinitionRegistry } from '../definitions';
import type { Models } from '../store/models';
import type { Page } from '../store/paged-find';
import { byUrgency, doneMonths, inboxFilter, mayAct, monthRange, doneCountFilter, readDoneList, searchConditions, taskMentions, taskNotes, taskView, type InboxScope, type OpenedTask, type TaskView } from '../tasks';
import { hasRole, type Actor } from '../users/actor';
import type { NameBook } from '../users/name-book';
import type { Names } from '../users/names';
import type { UserDirectory } from '../users/user-directory';
import { runOnTask } from './visible-commands';
import { resolveSearch, type WorkSearchInput } from './work-search-input';

export type { OpenedTask };

export interface TaskServiceDependencies {
  executor: Executor;
  models: Models;
  users: UserDirectory;
  names: NameBook;
  files: FileStore;
  definitions: DefinitionRegistry;
  auditLog: AuditLog;
  now: () => Date;
}

/**
 * The inbox and the task operations (Camunda's TaskService): the lists, a task opened, and each
 * operation a command on the task's case. Used by the API and the CLI.
 */
export class TaskService {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #users: UserDirectory;
  readonly #names: NameBook;
  readonly #files: FileStore;
  readonly #definitions: DefinitionRegistry;
  readonly #auditLog: AuditLog;
  readonly #now: () => Date;

  constructor(dependencies: TaskServiceDependencies) {
    this.#executor = dependencies.executor;
    this.#models = dependencies.models;
    this.#users = dependencies.users;
    this.#names = dependencies.names;
    this.#files = dependencies.files;
    this.#definitions = dependencies.definitions;
    this.#auditLog = dependencies.auditLog;
    this.#now = dependencies.now;
  }

  /**
   * An open inbox list, most urgent first, a page at a time. The list is read whole — open tasks
   * of one person, their groups or (a leader's 本部门在办) their departments only — since urgency
   * is computed from each clock now; a search narrows it in the store.
   */
  async list(actor: Actor, scope: InboxScope, page: Page = { limit: 100, offset: 0 }, search?: WorkSearchInput): Promise<{ items: TaskView[]; total: number; names: Names }> {
    if (scope === 'department' && !hasRole(actor, 'leader')) throw new ForbiddenError("only a leader lists every open step of the department (本部门在办)");
    const conditions = searchConditions(await resolveSearch(this.#users, search), 'task', 'createdAt');
    const records = await this.#models.tasks.find({ ...inboxFilter(actor, scope), ...conditions }).lean<TaskRecord[]>();
    const now = this.#now();
    const items = records.map((record) => taskView(record, now)).sort(byUrgency).slice(page.offset, page.offset + page.limit);
    return { items, total: records.length, names: await this.#names.names(taskMentions(items)) };
  }

  /**
   * The done list (已办): tasks the actor completed, newest first, a page at a time by cursor;
   * `total` counts the whole list (ten years, or the searched months, narrowed to the searched days) by its person.
   */
  async listDone(actor: Actor, page: { limit: number; cursor?: string }, input?: WorkSearchInput): Promise<{ items: TaskView[]; total: number; nextCursor: string | null; names: Names }> {
    const now = this.#now();
    const search = await resolveSearch(this.#users, input);
    const conditions = searchConditions(search, 'task', 'completedAt');
    const months = doneMonths(now, monthRange(search));
    const read = (key: string) => this.#models.tasks.find({ doneKey: key, ...conditions }).lean<TaskRecord[]>();
    // the count's filter is built (and may refuse the search) before either read starts, so no read is left unawaited
    const countFilter = { ...doneCountFilter(actor.username, months), ...conditions };
    const [done, total] = await Promise.all([readDoneList(read, actor.username, { ...page, months }), this.#models.tasks.countDocuments(countFilter)]);
    const items = done.items.map((record) => taskView(record, now));
    return { items, total, nextCursor: done.nextCursor, names: await this.#names.names(taskMentions(items)) };
  }

  async get(taskId: string, actor: Actor): Promise<OpenedTask> {
    const [task, record] = await Promise.all([this.#models.tasks.findById(taskId).lean<TaskRecord>(), this.#models.cases.findById(caseIdOfTask(taskId)).lean<CaseHead>()]);
    const open = record?.openTasks.find((candidate) => candidate.id === taskId);
    if (!task || !record || !(mayReadCase(actor, record) || (open !== undefined && mayAct(open, actor)))) throw new NotFoundError('task', taskId);
    const [definition, entries] = await Promise.all([this.#definitions.get(record.processKey, record.version), this.#auditLog.entries(record._id)]);
    const view = taskView(task, this.#now());
    const opinions = opinionsFor(record.opinions, false);
    const notes = taskNotes(entries, { id: task._id, createdAt: task.createdAt });
    const mentions = taskMentions([view]);
    const names = await this.#names.names({ ...mentions, people: [...(mentions.people ?? []), ...opinions.map((opinion) => opinion.by), ...notes.flatMap((note) => [note.by, note.kind === 'returned' ? null : note.to])] });
    const decisive = definition.catalogue.userTasks[task.stepId]?.decisive ?? false;
    return { ...view, caseStatus: record.status, decisive, notes, attachments: record.attachments, opinions, names };
  }

  claim(taskId: string, actor: Actor): Promise<ClaimedTask> {
    return this.#run(taskId, new ClaimTask(caseIdOfTask(taskId), taskId), actor);
  }

  unclaim(taskId: string, actor: Actor): Promise<ClaimedTask> {
    return this.#run(taskId, new UnclaimTask(caseIdOfTask(taskId), taskId), actor);
  }

  /** Completes a step; files it attaches must be ones the actor uploaded. */
  async complete(taskId: string, input: WithAttachmentInputs<CompleteTaskInput>, actor: Actor): Promise<CompletedTask> {
    const attachments = await this.#files.attachments(input.attachments, actor, '/attachments');
    return this.#run(taskId, new CompleteTask(caseIdOfTask(taskId), taskId, { ...input, attachments }), actor);
  }

  /** 转办: the task moves to another member of staff, who owns it. */
  async transfer(taskId: string, to: string, reason: string, actor: Actor): Promise<ReassignedTask> {
    await this.#assertStaff(to);
    return this.#run(taskId, new TransferTask(caseIdOfTask(taskId), taskId, to, reason), actor);
  }

  /** 委派: another member of staff does the work, then the task comes back to its owner. */
  async delegate(taskId: string, to: string, note: string | undefined, actor: Actor): Promise<ReassignedTask> {
    await this.#assertStaff(to);
    return this.#run(taskId, new DelegateTask(caseIdOfTask(taskId), taskId, to, note), actor);
  }

  /** The delegate hands a delegated task back to its owner. */
  resolve(taskId: string, comment: string | undefined, actor: Actor): Promise<ReassignedTask> {
    return this.#run(taskId, new ResolveTask(caseIdOfTask(taskId), taskId, comment), actor);
  }

  /** 催办: the applicant, the office or a leader of the case reminds the task's handler; once an hour; not through a copy. */
  urge(taskId: string, message: string | undefined, actor: Actor): Promise<UrgedTask> {
    return this.#run(taskId, new UrgeTask(caseIdOfTask(taskId), taskId, message), actor);
  }

  /** 退回: the handler sends the case back to the previous step, or to an earlier one it passed (`to`), with a reason. */
  sendBack(taskId: string, input: { reason: string; to?: string }, actor: Actor): Promise<MovedBack> {
    return this.#run(taskId, new ReturnTask(caseIdOfTask(taskId), taskId, input.reason, input.to), actor);
  }

  /** 撤回: whoever completed a step takes it back while the next step is untouched; `taskId` is the completed task. */
  withdraw(taskId: string, reason: string | undefined, actor: Actor): Promise<MovedBack> {
    return this.#run(taskId, new WithdrawStep(caseIdOfTask(taskId), taskId, reason), actor);
  }

  /** 加签: a signer of a countersign adds a user or a group (`role@department`) before or after themself. */
  async addSigner(taskId: string, input: { signer: string; position: SignerPosition; reason?: string }, actor: Actor): Promise<AddedSigner> {
    if (!input.signer.includes('@')) await this.#assertStaff(input.signer, '/signer');
    return this.#run(taskId, new AddSigner(caseIdOfTask(taskId), taskId, input.signer, input.position, input.reason), actor);
  }

  /** 抄送 from the inbox: the case of a task the actor may act on. */
  async copyCase(taskId: string, users: string[], groups: string[], note: string | undefined, actor: Actor): Promise<CopiedCase> {
    await assertCopyRecipients(this.#users, users, groups);
    return this.#run(taskId, new CopyCase(caseIdOfTask(taskId), users, groups, note), actor);
  }

  #run<Result>(taskId: string, command: CaseCommand<Result>, actor: Actor): Promise<Result> {
    return runOnTask(this.#executor, this.#models, taskId, command, actor);
  }

  /** Tasks go only to staff who exist: a typo must not strand a task with nobody. */
  async #assertStaff(username: string, path = '/to'): Promise<void> {
    const user = await this.#models.users.findById(username, { roles: 1 }).lean();
    if (!user || !user.roles.some((role) => role === 'clerk' || role === 'leader')) {
      throw new InvalidInputError(`no clerk or leader is called ${JSON.stringify(username)}`, [{ path, message: 'name an existing clerk or leader' }], 422);
    }
  }
}
