import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { DefinitionRejectedError, PayloadTooLargeError, BusyError } from '../errors';
import { reviveDefinition, type CompiledDefinition } from './compile';
import type { LintOptions } from './lint';
import type { ModelCheckAnswer, ModelCheckTask } from './model-check-worker';

/** How many model checks a node runs at once and lets wait. */
export interface ModelCheckOptions {
  /** Worker threads; default 1 on a machine of up to 3 cores, else 2: checks must leave the cores to requests. */
  threads?: number;
  /** Deploys that may wait for a thread; one more is answered 503 with Retry-After. Default 4. */
  queue?: number;
}

/** A model deploy checked, compiled and revived on this thread, with the warnings that did not block it. */
export interface CheckedDefinition {
  compiled: CompiledDefinition;
  warnings: DefinitionRejectedError['details'];
}

/**
 * Runs what costs time in deploy — limits, parse, lint, compile, bpmn-engine's build — and the
 * compile of stored versions on a small pool of worker threads (piscina), so a large upload
 * does not stall other requests; this thread only revives the compiled context from JSON.
 * Made by the definition registry; closed with govflow.
 */
export class ModelCheckPool {
  readonly #pool: Piscina<ModelCheckTask, ModelCheckAnswer>;
  readonly #threads: number;
  readonly #queue: number;

  constructor(options: ModelCheckOptions = {}) {
    this.#threads = options.threads ?? (availableParallelism() <= 3 ? 1 : 2);
    this.#queue = options.queue ?? 4;
    // no thread until the first model, and none kept by a node that has not checked one for a minute
    this.#pool = new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: this.#threads, idleTimeout: 60_000 });
  }

  /** Deploy's checks of an upload; BusyError when the pool already has its fill of waiting deploys. */
  async check(xml: string, lint: LintOptions): Promise<CheckedDefinition> {
    if (this.#pool.queueSize >= this.#queue) {
      throw new BusyError(`the server is checking ${this.#pool.queueSize + this.#threads} other models; deploy again in a moment`, this.#retryAfter());
    }
    const model = modelOf(await this.#pool.run({ kind: 'check', xml, lint }));
    return { compiled: reviveDefinition(model.sourceContext, model.catalogue, 'deploy', 0), warnings: model.warnings };
  }

  /** A stored version compiled for its cases; never refused for a full queue, since cases wait on it. */
  async compile(xml: string, key: string, version: number): Promise<CompiledDefinition> {
    const model = modelOf(await this.#pool.run({ kind: 'compile', xml }));
    return reviveDefinition(model.sourceContext, model.catalogue, key, version);
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }

  /** Seconds until the queue is likely through: the checks waiting and running, at their mean time so far. */
  #retryAfter(): number {
    const mean = this.#pool.histogram.runTime.mean;
    const perCheck = Number.isFinite(mean) && mean > 0 ? mean : 5_000;
    return Math.max(1, Math.ceil(((this.#pool.queueSize + this.#threads) * perCheck) / this.#threads / 1000));
  }
}

function modelOf(answer: ModelCheckAnswer) {
  if ('model' in answer) return answer.model;
  const { code, message, details } = answer.refused;
  throw code === 'payload-too-large' ? new PayloadTooLargeError(message) : new DefinitionRejectedError(message, details);
}

/**
 * The worker's file beside this one: compiled JavaScript in dist/; from the TypeScript source
 * (jest), a bootstrap that compiles the worker's files as it loads them.
 */
function workerFile(): string {
  return join(__dirname, extname(__filename) === '.ts' ? 'model-check-worker-source.js' : 'model-check-worker.js');
}
