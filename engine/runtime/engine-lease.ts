import type { CompiledDefinition } from '../definitions';
import type { CaseRecord } from '../records';
import { CaseEngine, type EngineSettings } from './case-engine';

/**
 * How a command gets its engine: a fresh one, the live engine of the revision it works on, or
 * one recovered from stored state. The executor owns what the lease hands out — it keeps the
 * engine when the command's revision is written and disposes of it otherwise.
 */
export class EngineLease {
  #used: CaseEngine | undefined;
  #definition: CompiledDefinition | undefined;

  constructor(
    readonly settings: EngineSettings,
    readonly live?: { rev: number; engine: CaseEngine },
  ) {}

  /** The version the command's engine runs (or failed to run), for the incident of a failure. */
  get definition(): CompiledDefinition | undefined {
    return this.#definition;
  }

  /** The engine the command used, if any. */
  get used(): CaseEngine | undefined {
    return this.#used;
  }

  async start(definition: CompiledDefinition, caseId: string, variables: Record<string, unknown>): Promise<CaseEngine> {
    this.#definition = definition;
    this.#used = await CaseEngine.start(definition, caseId, variables, this.settings);
    return this.#used;
  }

  async recover(definition: CompiledDefinition, record: CaseRecord): Promise<CaseEngine> {
    this.#definition = definition;
    if (this.live?.rev === record.rev) this.#used = this.live.engine;
    else this.#used = await CaseEngine.recover(definition, record._id, record.engineState, this.settings);
    return this.#used;
  }

  /** Replaces the engine in use with one recovered from the record's (changed) state. */
  async reload(definition: CompiledDefinition, record: CaseRecord): Promise<CaseEngine> {
    this.#definition = definition;
    const reloaded = await CaseEngine.recover(definition, record._id, record.engineState, this.settings);
    this.#used?.dispose();
    this.#used = reloaded;
    return reloaded;
  }

  /** Disposes of whatever the lease handed out or was given: the command's changes were not kept. */
  release(): void {
    this.#used?.dispose();
    if (this.live && this.live.engine !== this.#used) this.live.engine.dispose();
  }
}
