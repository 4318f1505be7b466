import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { chainEntry, projectAuditEntry } from '../audit';
import { projectCaseHead } from '../cases/case-head';
import type { DefinitionRegistry } from '../definitions';
import { ConflictError, GovflowError, NotFoundError } from '../errors';
import { CaseLedger } from '../store/case-ledger';
import type { Models } from '../store/models';
import type { CaseAlert, CaseRecord, Notice, OpenTask, TaskRecord } from '../store/records';
import { projectTask } from '../tasks';
import { wantedDeadlines, wantedTimers, type DeadlineQueue } from '../deadlines';
import { caseItemRecord, projectAlert, projectNotice, sendNotification, settleAlerts } from '../supervision';
import type { WorkingCalendar } from '../time';
import type { Actor } from '../users/actor';
import { isUnchanged, type CaseChange, type CaseCommand, type CommandContext, type CreateCaseCommand } from './command';
import type { EngineSettings } from './case-engine';
import { EngineLease } from './engine-lease';
import { LiveCases } from './live-cases';
import type { Effect } from './effects';

export interface ExecutorOptions {
  /** How often a command is retried after losing a race on the case revision. */
  maxAttempts: number;
  /** Outboxes older than this are repaired by the sweep; younger ones are still being applied. */
  repairGraceMs: number;
  /** Settings every engine is built with. */
  engine: EngineSettings;
  /** How many cases keep their engine alive between commands in this process. */
  liveCases: number;
  /** The working calendar as currently loaded; clocks are computed on it. */
  calendar: () => WorkingCalendar;
  /** Where deadline jobs are scheduled. */
  deadlines: DeadlineQueue;
  /** The time source (a settable one in tests). */
  now: () => Date;
}

/**
 * The one path every change to a case takes (DESIGN.md): load the newest revision, apply the
 * command, insert the next revision with its outbox (the insert fails for the loser of a race,
 * which starts over), then apply the outbox: the case head, tasks and audit projections. A crash
 * between the insert and the apply is repaired by `repair`, on start-up and periodically.
 */
export class Executor {
  readonly #models: Models;
  readonly #ledger: CaseLedger;
  readonly #definitions: DefinitionRegistry;
  readonly #options: ExecutorOptions;
  readonly #log: Logger;
  readonly #live: LiveCases;

  constructor(models: Models, definitions: DefinitionRegistry, options: ExecutorOptions, log: Logger) {
    this.#models = models;
    this.#ledger = new CaseLedger(models);
    this.#definitions = definitions;
    this.#options = options;
    this.#log = log;
    this.#live = new LiveCases(options.liveCases);
  }

  /**
   * Runs a command on an existing case; a concurrent writer makes it start over on the new
   * revision. A command refused on a live engine is tried once more on the stored newest
   * revision, since another node may have written one this node has not seen yet.
   */
  async run<Result>(command: CaseCommand<Result>, actor: Actor): Promise<Result> {
    let trustLive = true;
    for (let attempt = 1; attempt <= this.#options.maxAttempts; attempt++) {
      const { current, engines, live } = await this.#load(command.caseId, trustLive);
      try {
        if (!live && (await this.#ledger.isPending(current))) await this.#applyOutbox(current);
        const outcome = await command.apply(current, this.#context(actor, engines));
        if (isUnchanged(outcome)) {
          this.#keep(current, engines);
          return outcome.unchanged;
        }
        const next = this.#seal(current, outcome, actor);
        if (await this.#ledger.append(next)) {
          await this.#applyOutbox(next);
          this.#keep(next, engines);
          return outcome.result;
        }
        engines.release();
      } catch (error) {
        engines.release();
        if (!live || !(error instanceof GovflowError)) throw error;
        trustLive = false;
        continue;
      }
      this.#log.debug({ caseId: current._id, command: command.name, attempt }, 'lost a race on the case revision; retrying');
      await sleep(Math.random() * 5 * attempt);
    }
    throw new ConflictError(`case ${command.caseId} is changing too fast to ${command.name}; try again`);
  }

  /** Runs a case-creating command; when its case id exists already, answers the replay instead. */
  async create<Result>(command: CreateCaseCommand<Result>, actor: Actor): Promise<{ result: Result; created: boolean }> {
    const existing = await this.#ledger.latest(command.caseId);
    if (existing) return { result: command.replay(existing), created: false };
    const engines = new EngineLease(this.#options.engine);
    let change: CaseChange<Result>;
    try {
      change = await command.create(this.#context(actor, engines));
    } catch (error) {
      engines.release();
      throw error;
    }
    const next = this.#seal(null, change, actor);
    if (!(await this.#ledger.append(next))) {
      engines.release();
      const winner = await this.#ledger.latest(command.caseId);
      if (!winner) throw new ConflictError(`case ${command.caseId} could not be created; try again`);
      return { result: command.replay(winner), created: false };
    }
    await this.#applyOutbox(next);
    this.#keep(next, engines);
    return { result: change.result, created: true };
  }

  /**
   * Applies outboxes left behind by a crash. The periodic sweep skips outboxes younger than the
   * grace period (their command is probably still applying them); start-up passes 0. Applying
   * an outbox twice is harmless, so the grace only saves work.
   */
  async repair(scope: { caseId?: string; olderThanMs?: number } = {}): Promise<number> {
    const olderThan = new Date(Date.now() - (scope.olderThanMs ?? this.#options.repairGraceMs));
    const stuck = await this.#ledger.pending(olderThan, scope.caseId);
    let repaired = 0;
    for (const record of stuck) {
      try {
        await this.#applyOutbox(record);
        repaired += 1;
      } catch (error) {
        // one case's outbox that cannot be applied must not stop the others, nor a node starting up
        if (scope.caseId) throw error;
        this.#log.error({ err: error, caseId: record._id, rev: record.rev }, 'could not apply an outbox left behind; it stays pending and is tried again by the next sweep');
      }
    }
    if (repaired > 0 && !scope.caseId) this.#log.info({ cases: repaired }, 'repaired outboxes left behind');
    return repaired;
  }

  /**
   * The case to run a command on: this process's live engine when the case head shows no newer
   * revision (a newer one not yet in the head makes the write fail and the command start over),
   * otherwise the newest stored revision.
   */
  async #load(caseId: string, trustLive: boolean): Promise<{ current: CaseRecord; engines: EngineLease; live: boolean }> {
    const live = this.#live.take(caseId);
    if (live && trustLive && (await this.#ledger.headRev(caseId)) === live.record.rev) {
      return { current: live.record, engines: new EngineLease(this.#options.engine, { rev: live.record.rev, engine: live.engine }), live: true };
    }
    live?.engine.dispose();
    const current = await this.#ledger.latest(caseId);
    if (!current) throw new NotFoundError('case', caseId);
    return { current, engines: new EngineLease(this.#options.engine), live: false };
  }

  /** Keeps the engine of a written (or unchanged) revision live for the case's next command. */
  #keep(record: CaseRecord, engines: EngineLease): void {
    if (engines.used) this.#live.put({ record, engine: engines.used });
    else if (engines.live) this.#live.put({ record, engine: engines.live.engine });
  }

  #context(actor: Actor, engines: EngineLease): CommandContext {
    return { actor, now: this.#options.now(), definitions: this.#definitions, engines, calendar: this.#options.calendar() };
  }

  /**
   * Completes the next case document: revision, timestamps, cards settled after the work done,
   * audit entry, and the effects to project — tasks, alerts, deadline jobs, the audit entry.
   */
  #seal(current: CaseRecord | null, change: CaseChange<unknown>, actor: Actor): CaseRecord {
    const now = this.#options.now();
    const next = { ...change.next, alerts: settleAlerts(current, change.next, now) };
    const rev = (current?.rev ?? 0) + 1;
    this.#logCalendarWarnings(current, next);
    const entry = chainEntry(next._id, next.auditHead, change.audit, {
      actor: actor.username,
      at: now,
      statusBefore: current?.status ?? null,
      statusAfter: next.status,
    });
    const effects: Effect[] = [
      ...taskEffects(current?.openTasks ?? [], next, change, rev, now),
      ...alertEffects(current?.alerts ?? [], next, rev),
      ...noticeEffects(current?.notices ?? [], next, rev),
      ...notificationEffects(current?.alerts ?? [], next, change, rev, now),
      ...deadlineEffects(current, next),
      { kind: 'audit.append', entry },
    ];
    return { ...next, rev, outbox: effects, updatedAt: now, auditHead: { seq: entry.seq, hash: entry.hash } };
  }

  /** DOMAIN.md: a deadline counted outside the loaded holiday schedules is said in the answer (the clock's warnings) and in the log. */
  #logCalendarWarnings(current: CaseRecord | null, next: CaseRecord): void {
    const warningsOf = (record: CaseRecord | null) => new Set([record?.clock, ...(record?.openTasks ?? []).map((task) => task.clock)].flatMap((clock) => clock?.warnings ?? []));
    const before = warningsOf(current);
    const fresh = [...warningsOf(next)].filter((warning) => !before.has(warning));
    if (fresh.length > 0) this.#log.warn({ caseId: next._id, warnings: fresh }, 'a deadline was counted outside the loaded holiday schedules');
  }

  /** Projects the revision into the cases collection and its effects (each independent of the others), then clears its claim. */
  async #applyOutbox(record: CaseRecord): Promise<void> {
    await Promise.all([projectCaseHead(this.#models, record), ...record.outbox.map((effect) => this.#project(effect))]);
    await this.#ledger.markApplied(record);
  }

  #project(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'task.upsert':
        return projectTask(this.#models, effect.task);
      case 'audit.append':
        return projectAuditEntry(this.#models, effect.entry);
      case 'alert.upsert':
        return projectAlert(this.#models, effect.alert);
      case 'notice.upsert':
        return projectNotice(this.#models, effect.notice);
      case 'notification.send':
        return sendNotification(this.#models, effect.notification);
      case 'deadline.schedule':
        return this.#options.deadlines.schedule(effect.job);
      case 'timer.schedule':
        return this.#options.deadlines.schedule(effect.job, 'timer');
      case 'deadline.cancel':
        return this.#options.deadlines.cancel(effect.jobId);
    }
  }
}

/** Alert projections for every card raised or changed by this revision. */
function alertEffects(before: CaseAlert[], next: CaseRecord, rev: number): Effect[] {
  return changed(before, next.alerts).map((alert) => ({ kind: 'alert.upsert', alert: caseItemRecord(next, alert, rev) }));
}

/** Notice projections for every notice sent or answered by this revision. */
function noticeEffects(before: Notice[], next: CaseRecord, rev: number): Effect[] {
  return changed(before, next.notices).map((notice) => ({ kind: 'notice.upsert', notice: caseItemRecord(next, notice, rev) }));
}

/** The items of `after` that are new or differ from their version in `before`. */
function changed<Item>(before: Item[], after: Item[]): Item[] {
  const unchanged = new Set(before.map((item) => JSON.stringify(item)));
  return after.filter((item) => !unchanged.has(JSON.stringify(item)));
}

/**
 * The command's notifications, and one per card newly raised: to the step's handler (else its
 * department), and red cards to the supervision office too. Ids are per revision, so a
 * replayed outbox sends nothing twice.
 */
function notificationEffects(before: CaseAlert[], next: CaseRecord, change: CaseChange<unknown>, rev: number, now: Date): Effect[] {
  const raised = next.alerts.filter((alert) => !before.some((old) => old.id === alert.id));
  const wanted = [
    ...(change.notifications ?? []),
    ...raised.flatMap((alert) => {
      const message = `${alert.level === 'red' ? '红牌' : '黄牌'} ${next.receiptNo} ${alert.stepName ?? next.title}`;
      const audience = alert.handler ? { users: [alert.handler] } : { department: alert.department ?? undefined };
      return [{ audience, kind: `alert.${alert.level}`, message }, ...(alert.level === 'red' ? [{ audience: { role: 'supervisor' as const }, kind: 'alert.red', message }] : [])];
    }),
  ];
  return wanted.map((notification, index) => ({ kind: 'notification.send', notification: { _id: `${next._id}~${rev}~${index}`, caseId: next._id, at: now, ...notification } }));
}

/**
 * Durable jobs to add for clocks and BPMN timers that started or moved, and to remove for those
 * that stopped, moved or ended; ids are deterministic, so this is a set difference.
 */
function deadlineEffects(current: CaseRecord | null, next: CaseRecord): Effect[] {
  const before = new Set([...(current ? wantedDeadlines(current) : []), ...(current ? wantedTimers(current) : [])].map((job) => job.id));
  const deadlines = wantedDeadlines(next);
  const timers = wantedTimers(next);
  const after = new Set([...deadlines, ...timers].map((job) => job.id));
  return [
    ...deadlines.filter((job) => !before.has(job.id)).map((job): Effect => ({ kind: 'deadline.schedule', job })),
    ...timers.filter((job) => !before.has(job.id)).map((job): Effect => ({ kind: 'timer.schedule', job })),
    ...[...before].filter((id) => !after.has(id)).map((jobId): Effect => ({ kind: 'deadline.cancel', jobId })),
  ];
}

/** Task projections for every task that opened, changed or closed between two case revisions. */
function taskEffects(before: OpenTask[], next: CaseRecord, change: CaseChange<unknown>, rev: number, now: Date): Effect[] {
  const effects: Effect[] = [];
  const project = (task: OpenTask, closing?: Partial<TaskRecord>): Effect => ({ kind: 'task.upsert', task: taskRecord(next, task, rev, closing) });
  for (const task of next.openTasks) {
    const previous = before.find((candidate) => candidate.id === task.id);
    if (!previous || !sameHolders(previous, task)) effects.push(project(task));
  }
  for (const task of before) {
    if (next.openTasks.some((candidate) => candidate.id === task.id)) continue;
    const completed = change.completed?.taskId === task.id ? change.completed : undefined;
    effects.push(
      project(task, {
        status: completed ? 'completed' : 'cancelled',
        completedAt: now,
        completedBy: completed?.by ?? null,
        decision: completed?.decision ?? null,
      }),
    );
  }
  return effects;
}

function sameHolders(a: OpenTask, b: OpenTask): boolean {
  return a.assignee === b.assignee && a.delegatedBy === b.delegatedBy && a.candidateGroups.join() === b.candidateGroups.join() && a.candidateUsers.join() === b.candidateUsers.join();
}

function taskRecord(record: CaseRecord, task: OpenTask, rev: number, closing?: Partial<TaskRecord>): TaskRecord {
  return {
    _id: task.id,
    caseId: record._id,
    caseTitle: record.title,
    receiptNo: record.receiptNo,
    processKey: record.processKey,
    stepId: task.stepId,
    name: task.name,
    status: 'open',
    assignee: task.assignee,
    candidateUsers: task.candidateUsers,
    candidateGroups: task.candidateGroups,
    decisions: task.decisions,
    form: task.form,
    signer: task.countersign?.signer ?? null,
    delegatedBy: task.delegatedBy,
    createdAt: task.createdAt,
    due: task.clock?.due ?? null,
    warnAt: task.clock?.warnAt ?? null,
    clock: task.clock,
    completedAt: null,
    completedBy: null,
    decision: null,
    caseRev: rev,
    ...closing,
  };
}
