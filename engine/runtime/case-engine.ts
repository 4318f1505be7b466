import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Engine, JavaScripts } from 'bpmn-engine';
import type { IScripts, ITimers } from 'bpmn-elements';
import { ConflictError, ProcessRunError } from '../errors';
import { evaluateCondition, evaluateExpression, readExpression } from '../expressions';
import { resolveSigners } from '../tasks';
import { computeDue, type WorkingCalendar } from '../time';
import { conditionInToken, passRuleToken, signersToken, type CompiledDefinition, type StepCatalogue } from '../definitions';
import type { MessageSubProcessSpec } from '../records';
import { decodeEngineState, encodeEngineState } from './engine-state-codec';
import { failedElementId, failureReason } from './failed-element';
import { InertTimers, type ArmedTimer } from './inert-timers';

/** An activity bpmn-engine holds waiting, e.g. a user task until it is signalled. */
export interface WaitingActivity {
  executionId: string;
  stepId: string;
  type: string;
  /** For an instance of a multi-instance step: the step's execution id and this instance's signer. */
  instanceOf?: { executionId: string; signer: string | undefined };
  /**
   * What its expressions see beside the process variables: the items of the multi-instance
   * loops it runs in — its own, and its sub-process's (`${dept}` of `camunda:elementVariable`).
   */
  loopVariables: Record<string, unknown>;
}

interface ParentRef {
  id?: string;
  executionId?: string;
}

interface PostponedApi {
  id: string;
  type: string;
  executionId: string;
  content: { isMultiInstance?: boolean; signer?: unknown; index?: number; parent?: ParentRef & { path?: ParentRef[] }; [loopVariable: string]: unknown };
  environment: { variables: Record<string, unknown> };
  owner: { execution?: { getPostponed(): PostponedApi[] } };
  signal(message?: unknown): void;
  sendApiMessage(action: string, content: unknown): void;
  discard(): void;
}

/** Engine-side state of the countersigns of a case, kept in a process variable the hooks read. */
export const countersignVariable = '_countersigns';
type CountersignState = Record<string, { signers?: string[]; decided?: boolean }>;

interface ExpressionContext {
  environment?: { variables?: Record<string, unknown> };
  content?: { id?: string; executionId?: string; parent?: { executionId?: string } };
}

/**
 * Resolves `${…}`/`#{…}` with the safe evaluator and `= …` with FEEL over the process variables,
 * never JavaScript; a sequence-flow condition (compiled into a token) with its language's
 * coercion to boolean. A timer duration written as a legal time limit (`3WD`, `10D`, `48H`)
 * becomes the ISO 8601 duration to its due time on the working calendar, so BPMN timers can
 * count China working days.
 */
function expressionsFor(settings: EngineSettings, catalogue: StepCatalogue) {
  return {
    resolveExpression(expression: string, context: ExpressionContext) {
      const variables = context.environment?.variables ?? {};
      if (expression === signersToken) return countersignSigners(catalogue, variables, context);
      if (expression === passRuleToken) return countersignState(variables)[context.content?.parent?.executionId ?? '']?.decided === true;
      const condition = conditionInToken(expression);
      if (condition) return evaluateCondition(condition, variables);
      if (legalLimit.test(expression)) return durationUntil(expression, settings);
      return evaluateExpression(readExpression(expression), variables);
    },
  };
}

function countersignState(variables: Record<string, unknown>): CountersignState {
  return (variables[countersignVariable] as CountersignState | undefined) ?? {};
}

/** A countersign's signers: as changed by add-signer, else the model's list with its `${…}` resolved. */
function countersignSigners(catalogue: StepCatalogue, variables: Record<string, unknown>, context: ExpressionContext): string[] {
  const changed = countersignState(variables)[context.content?.executionId ?? '']?.signers;
  return changed ?? resolveSigners(catalogue.userTasks[context.content?.id ?? '']?.countersign?.signers ?? [], variables);
}

const legalLimit = /^\s*[1-9]\d*(WD|D|H)\s*$/i;

function durationUntil(limit: string, settings: EngineSettings): string {
  const now = settings.now();
  const { due } = computeDue({ start: now, limit: limit.trim(), calendar: settings.calendar() });
  return `PT${Math.max(0, Math.ceil(((due as Date).getTime() - now.getTime()) / 1000))}S`;
}

interface SequenceFlowApi {
  id: string;
  type: string;
  sourceId: string;
  targetId: string;
  take(content: Record<string, unknown>): unknown;
  discard(content?: { discardSequence?: string[] }): unknown;
}

interface ProcessExecutionApi {
  getActivityById(id: string): { run(): void } | undefined;
  getSequenceFlows(): SequenceFlowApi[];
  getPostponed(): PostponedApi[];
}

/** No uploaded script ever runs: every lookup finds nothing (lint refuses script elements at deploy). */
const noScripts = { register: () => undefined, getScript: () => undefined } as unknown as IScripts;

/** Operator settings every engine of this process is built with. */
export interface EngineSettings {
  /** GOVFLOW_ALLOW_SCRIPTS=1: script tasks run (bpmn-engine's JavaScript runner). Off by default. */
  allowScripts: boolean;
  /** The working calendar timers in working days are counted on. */
  calendar: () => WorkingCalendar;
  now: () => Date;
}

/**
 * One bpmn-engine instance for the length of one command: started or recovered from a case's
 * stored state, driven, read back and disposed. Only the executor's commands use it.
 */
export class CaseEngine {
  readonly #engine: Engine;
  readonly #timers: InertTimers;
  readonly #catalogue: StepCatalogue;
  /** Hears the engine's activities end, for the message throw events a command passes. */
  readonly #listener = new EventEmitter();
  #thrown: string[] = [];
  #failure: unknown;

  private constructor(engine: Engine, timers: InertTimers, catalogue: StepCatalogue) {
    this.#engine = engine;
    this.#timers = timers;
    this.#catalogue = catalogue;
    engine.on('error', (error: unknown) => (this.#failure = error));
    this.#listener.on('activity.end', (api: { id: string }) => {
      if (catalogue.thrownMessages[api.id]) this.#thrown.push(api.id);
    });
  }

  /** Runs a new case of `definition` until it waits or ends. */
  static async start(definition: CompiledDefinition, name: string, variables: Record<string, unknown>, settings: EngineSettings): Promise<CaseEngine> {
    const timers = new InertTimers();
    const host = new CaseEngine(CaseEngine.#create(definition, name, settings, timers), timers, definition.catalogue);
    await host.#settle(() => host.#engine.execute({ listener: host.#listener, variables }));
    return host;
  }

  /** Rebuilds a case's engine from its stored state; it resumes waiting where it was. */
  static async recover(definition: CompiledDefinition, name: string, state: Uint8Array, settings: EngineSettings): Promise<CaseEngine> {
    const timers = new InertTimers();
    const engine = CaseEngine.#create(definition, name, settings, timers);
    engine.recover(decodeEngineState(state) as never);
    const host = new CaseEngine(engine, timers, definition.catalogue);
    await host.#settle(() => engine.resume({ listener: host.#listener }));
    return host;
  }

  /** The message throw events passed since the last call, by id, in order; the executor sends their messages through the outbox. */
  takeThrownMessages(): string[] {
    const thrown = this.#thrown;
    this.#thrown = [];
    return thrown;
  }

  static #create(definition: CompiledDefinition, name: string, settings: EngineSettings, timers: InertTimers): Engine {
    const scripts = settings.allowScripts ? new JavaScripts(true) : noScripts;
    return new Engine({ name, sourceContext: definition.sourceContext, expressions: expressionsFor(settings, definition.catalogue), scripts, timers: timers as unknown as ITimers });
  }

  /** The activities waiting now, in sub-processes and multi-instance steps included. */
  waiting(): WaitingActivity[] {
    const everything = new Map<string, PostponedApi>();
    const leaves = this.#postponed(everything);
    return leaves.map((api) => ({
      executionId: api.executionId,
      stepId: api.id,
      type: api.type,
      loopVariables: this.#loopVariables(api, everything),
      ...(api.content.isMultiInstance ? { instanceOf: { executionId: api.content.parent?.executionId ?? '', signer: api.content.signer === undefined ? undefined : String(api.content.signer) } } : {}),
    }));
  }

  /**
   * The loop items an activity sees: its own when it is an instance, and those of the
   * multi-instance sub-process iterations it runs in, found by its parents' execution ids —
   * the innermost loop's item wins a name used twice, as in a nested scope.
   */
  #loopVariables(api: PostponedApi, everything: Map<string, PostponedApi>): Record<string, unknown> {
    const parents = [...(api.content.parent?.path ?? []).slice().reverse(), api.content.parent].map((parent) => (parent?.executionId ? everything.get(parent.executionId) : undefined));
    const variables: Record<string, unknown> = {};
    for (const owner of [...parents, api]) {
      const name = owner?.content.isMultiInstance ? this.#catalogue.loops?.[owner.id] : undefined;
      if (owner && name) Object.assign(variables, { [name]: owner.content[name], loopCounter: owner.content.index });
    }
    return variables;
  }

  /** True once the process has ended. */
  get finished(): boolean {
    return this.#engine.state === 'idle' && this.#postponed().length === 0;
  }

  /** Sets `variables` in the process scope and signals the waiting activity (a task, a message event) to go on. */
  async signal(executionId: string, variables: Record<string, unknown>): Promise<void> {
    const activity = this.#waitingApi(executionId);
    Object.assign(activity.environment.variables, variables);
    await this.#settle(() => activity.signal({ ...variables }));
  }

  /**
   * Sets `variables` in the process scope and throws the BPMN error `code` at the waiting
   * activity (an external task's worker reported it): an error boundary event for the code
   * catches it; one nobody catches fails the engine (the caller checks the model catches it).
   */
  async throwError(executionId: string, code: string, message: string, variables: Record<string, unknown>): Promise<void> {
    const activity = this.#waitingApi(executionId);
    Object.assign(activity.environment.variables, variables);
    await this.#settle(() => activity.sendApiMessage('error', { message, code }));
  }

  /** Marks a countersign's pass rule decided; the engine completes it when the signalled instance ends. */
  decideCountersign(instanceExecutionId: string, stepExecutionId: string): void {
    this.#changeCountersign(instanceExecutionId, stepExecutionId, { decided: true });
  }

  /** Gives a countersign a new list of signers; takes effect in an engine recovered from the next state. */
  changeSigners(instanceExecutionId: string, stepExecutionId: string, signers: string[]): void {
    this.#changeCountersign(instanceExecutionId, stepExecutionId, { signers });
  }

  #changeCountersign(instanceExecutionId: string, stepExecutionId: string, change: { signers?: string[]; decided?: boolean }): void {
    const variables = this.#waitingApi(instanceExecutionId).environment.variables;
    const state = countersignState(variables);
    variables[countersignVariable] = { ...state, [stepExecutionId]: { ...state[stepExecutionId], ...change } };
  }

  /**
   * Moves the case back to an earlier step of the process (return, withdraw): the target step
   * runs again, entered through one of its incoming flows as in a normal run, and everything
   * waiting now ends without taking its outgoing flows. bpmn-engine has no such move; a
   * discarded activity would pass its discard down the model and could reach the target through
   * a loop, so meanwhile each flow stops a discard at its own target.
   */
  async moveTo(stepId: string): Promise<void> {
    const process = this.#processExecution();
    const target = process.getActivityById(stepId);
    if (!target) throw new ConflictError(`step ${stepId} is not in this case's process`);
    const before = new Set(process.getPostponed().map((api) => api.executionId));
    const inbound = process.getSequenceFlows().find((flow) => flow.targetId === stepId);
    await this.#settle(() => {
      if (inbound) inbound.take({ id: inbound.id, type: inbound.type, sourceId: inbound.sourceId, targetId: stepId, action: 'take', isSequenceFlow: true, sequenceId: `${inbound.id}_take_${randomUUID()}` });
      else target.run();
      this.#endQuietly(process, (api) => before.has(api.executionId));
    });
  }

  /**
   * A message starts an event sub-process of the case: it runs, its start event takes the
   * message's variables, and an interrupting one first ends everything else the case waits on
   * (bpmn-elements runs event sub-processes but does not interrupt). A non-interrupting one
   * still handling the previous message refuses the next (409), as the engine runs one at a time.
   */
  async startEventSubProcess(spec: MessageSubProcessSpec, variables: Record<string, unknown>): Promise<void> {
    const process = this.#processExecution();
    const subProcess = process.getActivityById(spec.subProcessId) as ({ run(message?: unknown): void; isRunning?: boolean } & object) | undefined;
    if (!subProcess) throw new ConflictError(`event sub-process ${spec.subProcessId} is not in this case's process`);
    if (subProcess.isRunning) throw new ConflictError(`"${this.#catalogue.names[spec.subProcessId] ?? spec.subProcessId}" is still handling the previous message; send this one once it is done`);
    const others = new Set(process.getPostponed().map((api) => api.executionId));
    await this.#settle(() => subProcess.run());
    const start = this.#postponed().find((api) => api.id === spec.startEventId);
    if (!start) throw new ConflictError(`the start event of "${this.#catalogue.names[spec.subProcessId] ?? spec.subProcessId}" does not wait for its message`);
    Object.assign(start.environment.variables, variables);
    await this.#settle(() => {
      if (spec.interrupting) this.#endQuietly(process, (api) => others.has(api.executionId));
      start.signal({ ...variables });
    });
  }

  /**
   * Ends the waiting activities `chosen` picks without taking their outgoing flows. bpmn-engine
   * has no such operation: a discarded activity passes its discard down the model, so meanwhile
   * each flow stops a discard at its own target.
   */
  #endQuietly(process: ProcessExecutionApi, chosen: (api: PostponedApi) => boolean): void {
    const flows = process.getSequenceFlows();
    for (const flow of flows) {
      flow.discard = function stopHere(this: SequenceFlowApi, content: { discardSequence?: string[] } = {}) {
        return Object.getPrototypeOf(this).discard.call(this, { ...content, discardSequence: [...(content.discardSequence ?? []), this.targetId] });
      };
    }
    try {
      // discarding a task also discards its boundary events, so look again after each
      for (let left = process.getPostponed().length; left > 0; left--) {
        const next = process.getPostponed().find(chosen);
        if (!next) break;
        next.discard();
      }
    } finally {
      for (const flow of flows) delete (flow as Partial<SequenceFlowApi>).discard;
    }
  }

  /** BPMN timers waiting now; the executor keeps a durable job for each. */
  timers(): ArmedTimer[] {
    return this.#timers.armed();
  }

  /** Fires the timer an activity waits on (its durable job came due); false when it is not armed any more. */
  async fireTimer(executionId: string): Promise<boolean> {
    let fired = false;
    await this.#settle(() => (fired = this.#timers.fire(executionId)));
    return fired;
  }

  /** The compact, compressed state to store in the case document. */
  async state(): Promise<Buffer> {
    return encodeEngineState((await this.#engine.getState()) as never);
  }

  /** Stops the engine; called when it leaves the live-case cache or its command's work was discarded. */
  dispose(): void {
    if (this.#engine.state === 'running') void this.#engine.stop();
  }

  /** Waiting leaves: a sub-process or multi-instance step is replaced by what waits inside it; `everything` collects the ones replaced too. */
  #postponed(everything = new Map<string, PostponedApi>()): PostponedApi[] {
    const execution = this.#engine.execution as unknown as { getPostponed(): PostponedApi[] } | undefined;
    const seen = new Set<string>();
    const collect = (apis: PostponedApi[]): PostponedApi[] => {
      // an activity's execution lists the activity itself, and a loop instance its siblings, beside what waits inside
      const fresh = apis.filter((api) => !seen.has(api.executionId));
      for (const api of fresh) {
        seen.add(api.executionId);
        everything.set(api.executionId, api);
      }
      return fresh.flatMap((api) => {
        const children = api.owner.execution?.getPostponed().filter((child) => !seen.has(child.executionId)) ?? [];
        return children.length > 0 ? collect(children) : [api];
      });
    };
    return collect(execution?.getPostponed() ?? []);
  }

  #waitingApi(executionId: string): PostponedApi {
    const activity = this.#postponed().find((api) => api.executionId === executionId);
    // the case moved on since the caller looked (or the task is of another revision): nothing to act on
    if (!activity) throw new ConflictError(`step ${executionId} is no longer waiting in this case; reload it`);
    return activity;
  }

  #processExecution(): ProcessExecutionApi {
    const definitions = (this.#engine.execution as unknown as { definitions: Array<{ getProcesses(): Array<{ execution?: ProcessExecutionApi }> }> }).definitions;
    const execution = definitions[0]?.getProcesses()[0]?.execution;
    if (!execution) throw new ConflictError('the case is not running any more');
    return execution;
  }

  async #settle(run: () => unknown): Promise<void> {
    try {
      await run();
      await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
      this.#failure ??= error;
    }
    if (this.#failure) {
      this.dispose();
      // a failure on the case's data is an incident for an administrator, never a 500 (executor)
      throw new ProcessRunError(failedElementId(this.#failure), failureReason(this.#failure), this.#failure);
    }
  }
}
