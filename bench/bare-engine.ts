import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import type { SerializableContext } from 'moddle-context-serializer';
import { conditionInToken } from '../engine/definitions';
import { evaluateCondition, resolveText } from '../engine/expressions';
import { approvalSteps, stepAfter, type ApprovalStepId } from './approval-steps';
import type { ApprovalPath, TimeCommand } from './load-runner';

/** The slice of bpmn-elements' activity api the bench drives. */
interface WaitingApi {
  id: string;
  type: string;
  environment: { variables: Record<string, unknown> };
  signal(message?: unknown): void;
}

/**
 * The same adapter govflow's case engine passes (engine/runtime/case-engine.ts keeps its own
 * private): the compiled context carries conditions as tokens, and bpmn-engine's default
 * resolver cannot evaluate `${decision == "accept"}`, so without it the gateways would not
 * route like they do in govflow.
 */
const expressions = {
  resolveExpression(expression: string, context: { environment?: { variables?: Record<string, unknown> } }) {
    const variables = context.environment?.variables ?? {};
    const condition = conditionInToken(expression);
    return condition ? evaluateCondition(condition, variables) : resolveText(expression, variables);
  },
};

/** bpmn-engine's raw state of one waiting case, as JSON bytes. */
export interface RawStateSample {
  stepId: ApprovalStepId;
  /** `getState()` as is: what a bare bpmn-engine user would store. */
  rawBytes: number;
  /** Without the serialised model bpmn-engine embeds in every definition, before compression. */
  withoutSourceBytes: number;
}

/**
 * Path (a): bpmn-engine alone, one engine per case kept in memory across its three steps, no
 * persistence. Built by the bench entry from the same pre-parsed source context govflow runs,
 * so neither path parses XML per case. No setImmediate after a signal (govflow's settle has
 * one): the baseline is the fastest a bare user could go, which keeps b/a conservative.
 */
export class BareEnginePath implements ApprovalPath {
  readonly name = 'bare';
  readonly #sourceContext: SerializableContext;
  #serial = 0;

  constructor(sourceContext: SerializableContext) {
    this.#sourceContext = sourceContext;
  }

  async runCase(time: TimeCommand): Promise<void> {
    const run = await time('start', () => BareRun.start(this.#newEngine()));
    for (const [index, step] of approvalSteps.entries()) {
      await time('complete', () => run.complete(step.stepId, step.decision, stepAfter(index + 1)));
    }
  }

  /** Raw state sizes of `perStep` cases waiting at each step; the report sets them beside govflow's stored bytes. */
  async rawStateSizes(perStep: number): Promise<RawStateSample[]> {
    const samples: RawStateSample[] = [];
    for (let n = 0; n < perStep; n++) {
      const run = await BareRun.start(this.#newEngine());
      for (const [index, step] of approvalSteps.entries()) {
        samples.push({ stepId: step.stepId, ...(await run.stateBytes()) });
        await run.complete(step.stepId, step.decision, stepAfter(index + 1));
      }
    }
    return samples;
  }

  #newEngine(): Engine {
    this.#serial++;
    return new Engine({ name: `bench-${this.#serial}`, sourceContext: this.#sourceContext, expressions });
  }
}

/** One case on one in-memory engine; checks after every command that the process went where govflow's would. */
class BareRun {
  readonly #engine: Engine;
  #failure: unknown;

  private constructor(engine: Engine) {
    this.#engine = engine;
    engine.on('error', (error: unknown) => (this.#failure = error));
  }

  /** Runs a new case until it waits at the first step; made inside the timing, like govflow's StartCase makes its engine. */
  static async start(engine: Engine): Promise<BareRun> {
    const run = new BareRun(engine);
    await engine.execute({ listener: new EventEmitter(), variables: { n: 1 } });
    run.#expectWaiting(stepAfter(0));
    return run;
  }

  /** Signals the waiting user task like govflow does: decision into the variables, then into the signal. */
  async complete(stepId: ApprovalStepId, decision: string, next: ApprovalStepId | null): Promise<void> {
    const task = this.#waiting().find((api) => api.id === stepId);
    if (!task) throw new Error(`bare engine: step ${stepId} is not waiting`);
    task.environment.variables.decision = decision;
    task.signal({ decision });
    this.#expectWaiting(next);
  }

  async stateBytes(): Promise<Omit<RawStateSample, 'stepId'>> {
    const state = (await this.#engine.getState()) as unknown as { definitions?: Array<Record<string, unknown>> };
    const withoutSource = { ...state, definitions: state.definitions?.map(({ source: _source, ...rest }) => rest) };
    return { rawBytes: Buffer.byteLength(JSON.stringify(state)), withoutSourceBytes: Buffer.byteLength(JSON.stringify(withoutSource)) };
  }

  #waiting(): WaitingApi[] {
    return (this.#engine.execution?.getPostponed() ?? []) as unknown as WaitingApi[];
  }

  #expectWaiting(stepId: ApprovalStepId | null): void {
    if (this.#failure) throw new Error(`bare engine failed: ${(this.#failure as Error).message ?? this.#failure}`);
    const waiting = this.#waiting().map((api) => api.id);
    const expected = stepId === null ? [] : [stepId];
    if (waiting.join() !== expected.join()) throw new Error(`bare engine: expected [${expected}] waiting, found [${waiting}]`);
    if (stepId === null && this.#engine.state !== 'idle') throw new Error(`bare engine: case did not end (state ${this.#engine.state})`);
  }
}
