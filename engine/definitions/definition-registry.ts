import { createHash } from 'node:crypto';
import { DefinitionRejectedError, NotFoundError, type ProblemDetail } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import type { DefinitionRecord } from '../records';
import { compileDefinition, type CompiledDefinition } from './compile';
import { buildStepCatalogue } from './step-catalogue';
import { lintDefinitions, type LintOptions } from './lint';
import { parseBpmn } from './parse-bpmn';

/** What deploy answers: the version the content lives under, and lint warnings that did not block it. */
export interface DeployOutcome {
  key: string;
  version: number;
  name: string;
  created: boolean;
  warnings: ProblemDetail[];
}

/**
 * Deploys BPMN models as versions per process id and hands out compiled versions, parsed once
 * per process lifetime. Used by the designer API, the CLI and the executor.
 */
export class DefinitionRegistry {
  readonly #models: Models;
  readonly #lint: LintOptions;
  readonly #compiled = new Map<string, Promise<CompiledDefinition>>();

  constructor(models: Models, lint: LintOptions) {
    this.#models = models;
    this.#lint = lint;
  }

  /** Parses, lints and stores `xml`; identical content gives the existing version, changed content the next one. */
  async deploy(xml: string, deployedBy: string): Promise<DeployOutcome> {
    const parsed = await parseBpmn(xml);
    // bpmnlint fills moddle's lazy collections (an empty eventDefinitions makes a start event
    // wait forever), so the linted tree is never compiled: versions compile from stored XML.
    const lint = await lintDefinitions(parsed.rootElement, this.#lint);
    if (lint.errors.length > 0) throw new DefinitionRejectedError('the model breaks lint rules', lint.errors);
    const catalogue = buildStepCatalogue(parsed.rootElement);
    const key = catalogue.processId;
    const checksum = createHash('sha256').update(xml.replace(/\r\n/g, '\n').trim()).digest('hex');
    for (;;) {
      const latest = await this.#models.definitions.findOne({ key }).sort({ version: -1 }).lean();
      if (latest?.checksum === checksum) {
        return { key, version: latest.version, name: latest.name, created: false, warnings: lint.warnings };
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
      };
      try {
        await this.#models.definitions.create(record);
      } catch (error) {
        if (isDuplicateKey(error)) continue; // a concurrent deploy took this version number
        throw error;
      }
      return { key, version, name: record.name, created: true, warnings: lint.warnings };
    }
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
    return compileDefinition(await parseBpmn(record.xml), record.key, record.version);
  }
}
