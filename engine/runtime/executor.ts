import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { chainEntry, type AuditFacts } from '../audit';
import type { CompiledDefinition, DefinitionRegistry } from '../definitions';
import { ConflictError, GovflowError, IncidentError, NotFoundError, OutcomeUnknownError, ProcessRunError, ServiceUnavailableError } from '../errors';
import { isStoreUnavailable } from '../faults';
import { thrownMessages } from '../messages/thrown-messages';
import { hasOpenIncidents, recordStartIncident, settleIncidents, withFailure, type Failure } from '../incidents';
import type { CaseLedger } from '../store/case-ledger';
import type { Collections } from '../store/collections';
import type { AuditRecord, CaseIncident, CaseRecord } from '../records';
import type { DeadlineQueue } from '../deadlines';
import type { TopicSignals } from '../external-tasks/topic-signals';
import { settleAlerts } from '../supervision';
import type { WorkingCalendar } from '../time';
import type { Actor } from '../users/actor';
import { isUnchanged, type CaseChange, type CaseCommand, type CommandContext, type CreateCaseCommand } from './command';
import type { EngineSettings } from './case-engine';
import { assertCaseSize } from './case-size';
import { EngineLease } from './engine-lease';
import { describeFailure, describeSuccess } from './incident-failure';
import { LiveCases } from './live-cases';
import { answeredBefore, rememberAnswer } from './answered-requests';
import { applyOutbox, type OutboxTargets } from './outbox-applier';
import { currentRequestKey } from './request-key';
import { revisionEffects } from './revision-effects';

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
  /** Where fetches waiting for external tasks hear of new work. */
  topics?: TopicSignals;
  /** The time source (a settable one in tests). */
  now: () => Date;
}

/** How one run of a command differs from a person's first try. */
export interface RunOptions {
  /**
   * The run re-runs an incident's command for an administrator (`by`): going through resolves
   * that incident as retried by them; failing again counts an attempt, audited as theirs.
   */
  retry?: { incidentId: string; by: string };
}

/** One entry a revision adds to its case's audit chain, and whose it is. */
interface AuditLine {
  facts: AuditFacts;
  actor: string;
}

/** The case a command runs on, the engine it gets, and whether that is this process's live one. */
interface Loaded {
  current: CaseRecord;
  engines: EngineLease;
  live: boolean;
}

/**
 * The one path every change to a case takes (DESIGN.md): load the newest revision, apply the
 * command, insert the next revision with its outbox (the insert fails for the loser of a race,
 * which starts over), then apply the outbox: the case head, tasks and audit projections. A crash
 * between the insert and the apply is repaired by `repair`, on start-up and periodically.
 *
 * Store round trips of a command on a case this process changed last: the insert, then the
 * projections (together) — two in sequence before it answers — and the claim's removal after,
 * shared with the commands answered at the same time. On any other case two reads come first
 * (ledger.latest).
 *
 * A command the process engine fails on (ProcessRunError: a condition, timer or loop the case's
 * data breaks) keeps nothing of its work; the failure is recorded instead as an incident of the
 * case, in a revision of its own, and the caller hears IncidentError (409) — never a 500. Open
 * incidents travel in the case, so a command that goes through settles them from memory: a case
 * with none (nearly all) costs no round trip for it.
 */
export class Executor {
  readonly #ledger: CaseLedger;
  readonly #targets: OutboxTargets;
  readonly #definitions: DefinitionRegistry;
  readonly #options: ExecutorOptions;
  readonly #log: Logger;
  readonly #live: LiveCases;

  /** `ledger` is the process's one, whose claim deletions the executor leaves running after a command answers. */
  constructor(collections: Collections, ledger: CaseLedger, definitions: DefinitionRegistry, options: ExecutorOptions, log: Logger) {
    this.#ledger = ledger;
    this.#targets = { collections, ledger: this.#ledger, deadlines: options.deadlines, topics: options.topics };
    this.#definitions = definitions;
    this.#options = options;
    this.#log = log;
    this.#live = new LiveCases(options.liveCases);
  }

  /**
   * Runs a command on an existing case; a concurrent writer makes it start over on the new
   * revision. A live engine is trusted without a read: if another node wrote a newer revision,
   * the insert fails and the command runs again on what is stored. What a live engine refuses or
   * finds unchanged is checked on the stored newest revision before it is answered.
   *
   * A request with an Idempotency-Key (request-key.ts) that the case has answered already gets
   * that answer again, and nothing is done twice: the key is remembered in the revision that
   * holds the command's effect, so both exist or neither does.
   */
  run<Result>(command: CaseCommand<Result>, actor: Actor, options: RunOptions = {}): Promise<Result> {
    return storeFaultsSaid(() => this.#run(command, actor, options));
  }

  async #run<Result>(command: CaseCommand<Result>, actor: Actor, options: RunOptions): Promise<Result> {
    const key = currentRequestKey();
    let trustLive = true;
    for (let attempt = 1; attempt <= this.#options.maxAttempts; attempt++) {
      const { current, engines, live } = await this.#load(command.caseId, trustLive);
      try {
        const answered = key && answeredBefore(current, command.name, key);
        if (answered) {
          this.#keep(current, engines);
          return answered.result as Result;
        }
        const outcome = await command.apply(current, this.#context(actor, engines));
        if (isUnchanged(outcome)) {
          if (live && (await this.#ledger.headRev(current._id)) !== current.rev) throw new StaleLiveEngine();
          this.#keep(current, engines);
          return outcome.unchanged;
        }
        const settled = this.#settleIncidents(current, command, outcome, actor, options);
        const change = key ? { ...settled.change, next: rememberAnswer(settled.change.next, command.name, key, outcome.result, this.#options.now()) } : settled.change;
        const next = this.#seal(current, change, settled.lines, engines);
        if (await this.#append(next)) {
          await this.#applyWritten(next);
          this.#keep(next, engines);
          return outcome.result;
        }
        engines.release();
      } catch (error) {
        engines.release();
        // a write whose outcome is unknown must not be tried again here: it may have been made
        if (error instanceof OutcomeUnknownError) throw error;
        if (live && error instanceof GovflowError) {
          // what a live engine refused is checked on the stored newest revision
          trustLive = false;
          continue;
        }
        if (!(error instanceof ProcessRunError)) throw error;
        const incident = await this.#recordIncident(current, command, actor, error, engines.definition, options);
        if (incident) throw incident;
        trustLive = false;
        continue;
      }
      this.#log.debug({ caseId: current._id, command: command.name, attempt }, 'lost a race on the case revision; retrying');
      await sleep(Math.random() * 5 * attempt);
    }
    throw new ConflictError(`case ${command.caseId} is changing too fast to ${command.name}; try again`);
  }

  /**
   * Runs a case-creating command. A case id that may exist already (an Idempotency-Key's) is
   * looked up first, and its replay answered; a fresh random id is not. Losing the insert race
   * also answers the winner's replay.
   */
  create<Result>(command: CreateCaseCommand<Result>, actor: Actor): Promise<{ result: Result; created: boolean }> {
    return storeFaultsSaid(() => this.#create(command, actor));
  }

  async #create<Result>(command: CreateCaseCommand<Result>, actor: Actor): Promise<{ result: Result; created: boolean }> {
    const existing = command.mayExist ? await this.#ledger.latest(command.caseId) : null;
    if (existing) return { result: command.replay(existing.record), created: false };
    const engines = new EngineLease(this.#options.engine);
    let change: CaseChange<Result>;
    try {
      change = await command.create(this.#context(actor, engines));
    } catch (error) {
      engines.release();
      if (error instanceof ProcessRunError && engines.definition) throw await this.#recordStartIncident(command, actor, error, engines.definition);
      throw error;
    }
    const next = this.#seal(null, change, [{ facts: change.audit, actor: actor.username }], engines);
    if (!(await this.#append(next))) {
      engines.release();
      const winner = await this.#ledger.latest(command.caseId);
      if (!winner) throw new ConflictError(`case ${command.caseId} could not be created; try again`);
      return { result: command.replay(winner.record), created: false };
    }
    await this.#applyWritten(next);
    this.#keep(next, engines);
    return { result: change.result, created: true };
  }

  /**
   * Applies outboxes left behind by a crash: one case's (before its audit is verified), or every
   * one older than the grace period (the periodic sweep; start-up passes 0), since a younger one
   * is probably still being applied by its command. Applying an outbox twice is harmless.
   */
  async repair(scope: { caseId?: string; olderThanMs?: number } = {}): Promise<number> {
    if (scope.caseId) {
      const latest = await this.#ledger.latest(scope.caseId);
      if (!latest?.pending) return 0;
      return (await applyOutbox(latest.record, this.#targets)) ? 1 : 0;
    }
    const olderThan = new Date(Date.now() - (scope.olderThanMs ?? this.#options.repairGraceMs));
    let repaired = 0;
    for (const record of await this.#ledger.pending(olderThan)) {
      try {
        if (await applyOutbox(record, this.#targets)) repaired += 1;
      } catch (error) {
        // one case's outbox that cannot be applied must not stop the others, nor a node starting up
        this.#log.error({ err: error, caseId: record._id, rev: record.rev }, 'could not apply an outbox left behind; it stays pending and is tried again by the next sweep');
      }
    }
    if (repaired > 0) this.#log.info({ cases: repaired }, 'repaired outboxes left behind');
    return repaired;
  }

  /**
   * The case to run a command on: this process's live engine (its newest revision as far as this
   * process knows), otherwise the newest stored revision, with an outbox a crash left behind
   * applied first, so projections never skip a revision.
   */
  async #load(caseId: string, trustLive: boolean): Promise<Loaded> {
    const live = this.#live.take(caseId);
    if (live && trustLive) {
      return { current: live.record, engines: new EngineLease(this.#options.engine, { rev: live.record.rev, engine: live.engine }), live: true };
    }
    live?.engine.dispose();
    const latest = await this.#ledger.latest(caseId);
    if (!latest) throw new NotFoundError('case', caseId);
    if (latest.pending) await applyOutbox(latest.record, this.#targets);
    return { current: latest.record, engines: new EngineLease(this.#options.engine), live: false };
  }

  /** Inserts the next revision; a store that stops answering meanwhile leaves its outcome unknown. */
  async #append(next: CaseRecord): Promise<boolean> {
    try {
      return await this.#ledger.append(next);
    } catch (error) {
      if (isStoreUnavailable(error)) throw new OutcomeUnknownError(error);
      throw error;
    }
  }

  /**
   * Applies the outbox of a revision just written. The change is made whatever happens here, so
   * it is answered as made: projections the store fails to take (or jobs Redis does not) stay in
   * the outbox, whose claim the repair sweep finds.
   */
  async #applyWritten(next: CaseRecord): Promise<void> {
    try {
      if (!(await applyOutbox(next, this.#targets, 'release'))) this.#log.warn({ caseId: next._id, rev: next.rev }, 'Redis did not take the jobs of a revision; the repair sweep adds them once it answers');
    } catch (error) {
      this.#log.warn({ err: error, caseId: next._id, rev: next.rev }, 'could not apply the outbox of a written revision; the repair sweep applies it');
    }
  }

  /** Waits for the writes commands left running after they answered (their claims' deletion); before the store closes. */
  settled(): Promise<void> {
    return this.#ledger.settled();
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
   * The change with the open incidents it settles resolved, and the audit lines of the
   * revision: the command's, then one per incident resolved. Nothing to do (and no work) for a
   * case without open incidents.
   */
  #settleIncidents(current: CaseRecord, command: CaseCommand<unknown>, change: CaseChange<unknown>, actor: Actor, options: RunOptions): { change: CaseChange<unknown>; lines: AuditLine[] } {
    const own = { facts: change.audit, actor: actor.username };
    if (!hasOpenIncidents(change.next)) return { change, lines: [own] };
    const { next, resolved } = settleIncidents(change.next, describeSuccess(command, current, actor, this.#options.now(), options.retry));
    return { change: { ...change, next }, lines: [own, ...resolved.map(resolutionLine)] };
  }

  /**
   * Records a failure inside the process engine as an incident of the case, in a revision of
   * its own that changes nothing else (the command's work was discarded), and answers the
   * IncidentError to throw; null when another command wrote the case meanwhile, so the command
   * runs again on that revision. A store that fails here is logged: the caller still hears the
   * 409, never a 500.
   */
  async #recordIncident(current: CaseRecord, command: CaseCommand<unknown>, actor: Actor, error: ProcessRunError, used: CompiledDefinition | undefined, options: RunOptions): Promise<IncidentError | null> {
    let failure: Failure | undefined;
    try {
      const definition = used ?? (await this.#definitions.get(current.processKey, current.version));
      failure = describeFailure(definition, error, command, current, actor);
      const { next, incident, recurred } = withFailure(current, failure, this.#options.now());
      const audit = { action: recurred ? 'incident.recurred' : 'incident.opened', stepId: failure.elementId, stepName: failure.elementName, comment: failure.error };
      const sealed = this.#seal(current, { next, audit, result: undefined }, [{ facts: audit, actor: options.retry?.by ?? actor.username }]);
      if (!(await this.#ledger.append(sealed))) return null;
      this.#log.warn({ caseId: current._id, incident: incident.id, elementId: failure.elementId, command: command.name, attempts: incident.attempts, error: failure.error }, 'a command failed in the process engine; recorded as an incident');
      // the incident is in the revision now; a projection that fails is applied again by repair
      await this.#applyWritten(sealed);
      return new IncidentError(failure.elementId, failure.elementName, failure.error, incident.id, error);
    } catch (storeError) {
      this.#log.error({ err: storeError, caseId: current._id, command: command.name, failure: error.reason }, 'could not record an incident; the command is answered 409 all the same');
      return new IncidentError(failure?.elementId ?? error.elementId ?? current.processKey, failure?.elementName ?? error.elementId ?? current.processKey, error.reason, null, error);
    }
  }

  /** A case start that failed in the engine: no case exists, so its incident is written beside the cases; always answers the 409. */
  async #recordStartIncident(command: CreateCaseCommand<unknown>, actor: Actor, error: ProcessRunError, definition: CompiledDefinition): Promise<IncidentError> {
    const failure = describeFailure(definition, error, command, null, actor);
    try {
      const record = await recordStartIncident(this.#targets.collections, { ...failure, processKey: definition.key, version: definition.version, caseTitle: command.title }, this.#options.now());
      this.#log.warn({ incident: record._id, processKey: definition.key, version: definition.version, elementId: failure.elementId, error: failure.error }, 'a case start failed in the process engine; recorded as an incident');
      return new IncidentError(failure.elementId, failure.elementName, failure.error, record._id, error);
    } catch (storeError) {
      this.#log.error({ err: storeError, processKey: definition.key, failure: error.reason }, 'could not record the incident of a failed start; answered 409 all the same');
      return new IncidentError(failure.elementId, failure.elementName, failure.error, null, error);
    }
  }

  /**
   * Completes the next case document: revision, timestamps, cards settled after the work done,
   * audit entries (chained in order), and the effects to project — tasks, alerts, incidents,
   * deadline jobs, the audit entries.
   */
  #seal(current: CaseRecord | null, change: CaseChange<unknown>, lines: AuditLine[], engines?: EngineLease): CaseRecord {
    const now = this.#options.now();
    const next = { ...change.next, alerts: settleAlerts(current, change.next, now) };
    const rev = (current?.rev ?? 0) + 1;
    this.#logCalendarWarnings(current, next);
    const meta = { at: now, statusBefore: current?.status ?? null, statusAfter: next.status };
    const entries: AuditRecord[] = [];
    for (const { facts, actor } of lines) entries.push(chainEntry(next._id, entries.at(-1) ?? next.auditHead, facts, { ...meta, actor }));
    const head = entries.at(-1) ?? next.auditHead;
    const thrown = engines?.used && engines.definition ? thrownMessages(next, engines.definition.catalogue, engines.used.takeThrownMessages(), rev, now) : [];
    const sealed = { ...next, rev, outbox: revisionEffects(current, next, change, entries, rev, now, thrown), updatedAt: now, auditHead: { seq: head.seq, hash: head.hash } };
    assertCaseSize(sealed);
    return sealed;
  }

  /** DOMAIN.md: a deadline counted outside the loaded holiday schedules is said in the answer (the clock's warnings) and in the log. */
  #logCalendarWarnings(current: CaseRecord | null, next: CaseRecord): void {
    const warningsOf = (record: CaseRecord | null) => new Set([record?.clock, ...(record?.openTasks ?? []).map((task) => task.clock)].flatMap((clock) => clock?.warnings ?? []));
    const before = warningsOf(current);
    const fresh = [...warningsOf(next)].filter((warning) => !before.has(warning));
    if (fresh.length > 0) this.#log.warn({ caseId: next._id, warnings: fresh }, 'a deadline was counted outside the loaded holiday schedules');
  }
}

/** The audit line of an incident a revision resolved, as the one who resolved it. */
function resolutionLine(incident: CaseIncident): AuditLine {
  return { facts: { action: 'incident.resolved', stepId: incident.elementId, stepName: incident.elementName, comment: incident.resolution }, actor: incident.resolvedBy ?? 'system' };
}

/** Runs `work`, saying a store that does not answer as 503: nothing was written (a write in doubt is said by #append). */
async function storeFaultsSaid<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStoreUnavailable(error)) throw new ServiceUnavailableError('store', error);
    throw error;
  }
}

/** A live engine answered from a revision another node has since replaced; the command runs again on what is stored. */
class StaleLiveEngine extends ConflictError {
  constructor() {
    super('this node held an older revision of the case');
  }
}
