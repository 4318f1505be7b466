import { createHash } from 'node:crypto';
import { DefinitionRejectedError, NotFoundError, type ProblemDetail } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import type { AdoptionRecord, DefinitionRecord, StepCatalogue } from '../records';
import { unstaffedTaskWarnings, type ActorLookup } from './actor-check';
import type { CompiledDefinition } from './compile';
import type { LintOptions } from './lint';
import { ModelCheckPool, type ModelCheckOptions } from './model-check-pool';

/** What deploy answers: the version the content lives under, and lint warnings that did not block it. */
/** Where a deployed version belongs: its unit, and for a unit's copy of a template, where it came from. */
export interface Placement {
  unit?: string;
  adoptedFrom?: AdoptionRecord;
}

import type { DeployOutcome } from './definition-views';

export type { DeployOutcome };

/**
 * Deploys BPMN models as versions per process id and hands out compiled versions, parsed once
 * per process lifetime. Used by the designer API, the CLI and the executor.
 */
export class DefinitionRegistry {
  readonly #models: Models;
  readonly #lint: LintOptions;
  readonly #actors: ActorLookup;
  readonly #compiled = new Map<string, Promise<CompiledDefinition>>();
  readonly #checks: ModelCheckPool;

  constructor(models: Models, lint: LintOptions, actors: ActorLookup, checks: ModelCheckOptions = {}) {
    this.#models = models;
    this.#lint = lint;
    this.#actors = actors;
    this.#checks = new ModelCheckPool(checks);
  }

  /**
   * Checks `xml` against the limits, parses, lints and compiles it (on a worker thread) and
   * stores it: a model is stored only once it compiles exactly as its cases will run. Identical
   * content gives the existing version, changed content the next one; the answer carries the
   * style warnings and the tasks nobody in the directory can act on.
   */
  async deploy(xml: string, deployedBy: string, placement: (key: string) => Promise<Placement>): Promise<DeployOutcome> {
    const { compiled, warnings: modelWarnings } = await this.#checks.check(xml, this.#lint);
    const { catalogue } = compiled;
    const { unit, adoptedFrom } = await placement(catalogue.processId);
    await this.#assertCalledProcessesDeployed(catalogue);
    const warnings = [...modelWarnings, ...(await unstaffedTaskWarnings(catalogue, this.#actors))];
    const key = catalogue.processId;
    const checksum = createHash('sha256').update(xml.replace(/\r\n/g, '\n').trim()).digest('hex');
    for (;;) {
      const latest = await this.#models.definitions.findOne({ key }).sort({ version: -1 }).lean();
      if (latest?.checksum === checksum) {
        return { key, version: latest.version, name: latest.name, created: false, warnings };
      }
      const version = (latest?.version ?? 0) + 1;
      const record: DefinitionRecord = {
        _id: `${key}:${version}`,
        key,
        version,
        name: catalogue.processName,
        xml,
        checksum,
        catalogue,
        deployedBy,
        deployedAt: new Date(),
        ...(unit === undefined ? {} : { unit }),
        ...(adoptedFrom === undefined ? {} : { adoptedFrom }),
      };
      try {
        await this.#models.definitions.create(record);
      } catch (error) {
        if (isDuplicateKey(error)) continue; // a concurrent deploy took this version number
        throw error;
      }
      // cases of this version run on the very context deploy checked
      this.#compiled.set(record._id, Promise.resolve({ ...compiled, key, version }));
      return { key, version, name: record.name, created: true, warnings };
    }
  }

  /** Deploy is a promise (DESIGN.md): a call activity must call a process (and version) deployed already, or the model itself. */
  async #assertCalledProcessesDeployed(catalogue: StepCatalogue): Promise<void> {
    const problems: ProblemDetail[] = [];
    for (const call of Object.values(catalogue.callActivities)) {
      if (call.calledElement === catalogue.processId && call.version === null) continue;
      const deployed = await this.#models.definitions.exists({ key: call.calledElement, ...(call.version === null ? {} : { version: call.version }) });
      if (!deployed) problems.push({ path: call.id, message: `"${call.name}" calls the process "${call.calledElement}"${call.version === null ? '' : ` version ${call.version}`}, which is not deployed: deploy it first` });
    }
    if (problems.length > 0) throw new DefinitionRejectedError('the model calls processes that are not deployed', problems);
  }

  /** The newest version of a process; NotFoundError when none is deployed. */
  async latest(key: string): Promise<CompiledDefinition> {
    const latest = await this.#models.definitions.findOne({ key }, { version: 1 }).sort({ version: -1 }).lean();
    if (!latest) throw new NotFoundError('process', key);
    return this.get(key, latest.version);
  }

  /** A compiled version, parsed at most once per process; cases stay on the version they started with. */
  get(key: string, version: number): Promise<CompiledDefinition> {
    const id = `${key}:${version}`;
    let compiled = this.#compiled.get(id);
    if (!compiled) {
      compiled = this.#load(id);
      compiled.catch(() => this.#compiled.delete(id));
      this.#compiled.set(id, compiled);
    }
    return compiled;
  }

  async #load(id: string): Promise<CompiledDefinition> {
    const record = await this.#models.definitions.findById(id).lean();
    if (!record) throw new NotFoundError('definition version', id);
    return this.#checks.compile(record.xml, record.key, record.version);
  }

  /** Stops the model-check threads; called when govflow closes. */
  close(): Promise<void> {
    return this.#checks.close();
  }
}
