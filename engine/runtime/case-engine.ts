import { EventEmitter } from 'node:events';
import { Engine, JavaScripts } from 'bpmn-engine';
import type { IScripts, ITimers } from 'bpmn-elements';
import { EngineFailureError } from '../errors';
import { resolveTemplate } from '../expressions';
import { computeDue, type WorkingCalendar } from '../time';
import type { CompiledDefinition } from '../definitions';
import { decodeEngineState, encodeEngineState } from './engine-state-codec';
import { InertTimers, type ArmedTimer } from './inert-timers';

/** An activity bpmn-engine holds waiting, e.g. a user task until it is signalled. */
export interface WaitingActivity {
  executionId: string;
  stepId: string;
  type: string;
}

interface PostponedApi {
  id: string;
  type: string;
  executionId: string;
  environment: { variables: Record<string, unknown> };
  signal(message?: unknown): void;
  getPostponed?(): PostponedApi[];
}

/**
 * Resolves `${…}` with the safe evaluator over the process variables, never JavaScript. A timer
 * duration written as a legal time limit (`3WD`, `10D`, `48H`) becomes the ISO 8601 duration
 * to its due time on the working calendar, so BPMN timers can count China working days.
 */
function expressionsFor(settings: EngineSettings) {
  return {
    resolveExpression(expression: string, context: { environment?: { variables?: Record<string, unknown> } }) {
      if (legalLimit.test(expression)) return durationUntil(expression, settings);
      return resolveTemplate(expression, context.environment?.variables ?? {});
    },
  };
}

const legalLimit = /^\s*[1-9]\d*(WD|D|H)\s*$/i;

function durationUntil(limit: string, settings: EngineSettings): string {
  const now = settings.now();
  const { due } = computeDue({ start: now, limit: limit.trim(), calendar: settings.calendar() });
  return `PT${Math.max(0, Math.ceil(((due as Date).getTime() - now.getTime()) / 1000))}S`;
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
  #failure: unknown;

  private constructor(engine: Engine, timers: InertTimers) {
    this.#engine = engine;
    this.#timers = timers;
    engine.on('error', (error: unknown) => (this.#failure = error));
  }

  /** Runs a new case of `definition` until it waits or ends. */
  static async start(definition: CompiledDefinition, name: string, variables: Record<string, unknown>, settings: EngineSettings): Promise<CaseEngine> {
    const timers = new InertTimers();
    const host = new CaseEngine(CaseEngine.#create(definition, name, settings, timers), timers);
    await host.#settle(() => host.#engine.execute({ listener: new EventEmitter(), variables }));
    return host;
  }

  /** Rebuilds a case's engine from its stored state; it resumes waiting where it was. */
  static async recover(definition: CompiledDefinition, name: string, state: Buffer, settings: EngineSettings): Promise<CaseEngine> {
    const timers = new InertTimers();
    const engine = CaseEngine.#create(definition, name, settings, timers);
    engine.recover(decodeEngineState(state) as never);
    const host = new CaseEngine(engine, timers);
    await host.#settle(() => engine.resume({ listener: new EventEmitter() }));
    return host;
  }

  static #create(definition: CompiledDefinition, name: string, settings: EngineSettings, timers: InertTimers): Engine {
    const scripts = settings.allowScripts ? new JavaScripts(true) : noScripts;
    return new Engine({ name, sourceContext: definition.sourceContext, expressions: expressionsFor(settings), scripts, timers: timers as unknown as ITimers });
  }

  /** The activities waiting now, sub-processes included. */
  waiting(): WaitingActivity[] {
    return this.#postponed().map(({ executionId, id, type }) => ({ executionId, stepId: id, type }));
  }

  /** True once the process has ended. */
  get finished(): boolean {
    return this.#engine.state === 'idle' && this.#postponed().length === 0;
  }

  /** Sets `variables` in the process scope and signals the waiting activity to go on. */
  async signal(executionId: string, variables: Record<string, unknown>): Promise<void> {
    const activity = this.#postponed().find((api) => api.executionId === executionId);
    if (!activity) throw new EngineFailureError(`activity ${executionId} is not waiting in the engine`, undefined);
    Object.assign(activity.environment.variables, variables);
    await this.#settle(() => activity.signal({ ...variables }));
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

  #postponed(): PostponedApi[] {
    const execution = this.#engine.execution as unknown as { getPostponed(): PostponedApi[] } | undefined;
    const collect = (apis: PostponedApi[]): PostponedApi[] =>
      apis.flatMap((api) => {
        const children = api.getPostponed?.().filter((child) => child.executionId !== api.executionId) ?? [];
        return children.length > 0 ? collect(children) : [api];
      });
    return collect(execution?.getPostponed() ?? []);
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
      throw new EngineFailureError(`the process engine failed: ${(this.#failure as Error).message ?? this.#failure}`, this.#failure);
    }
  }
}
