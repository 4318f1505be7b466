import type { Logger } from 'pino';
import type { DefinitionRegistry, DeployOutcome } from '../definitions';
import { NotFoundError } from '../errors';
import type { DefinitionRecord, DraftRecord, Role, UserRecord } from '../records';
import type { StartSchedules } from '../schedules';
import type { Models } from '../store/models';
import type { Actor } from '../users/actor';
import { roles } from '../users/roles';

export interface DefinitionSummary {
  key: string;
  name: string;
  latestVersion: number;
  deployedAt: string;
}

export interface DefinitionDetail {
  key: string;
  name: string;
  versions: Array<{ version: number; deployedAt: string; deployedBy: string }>;
  latest: { version: number; xml: string };
}

/** The departments, candidate groups and roles users have, for a designer to pick from. */
export interface Directory {
  departments: string[];
  groups: string[];
  roles: readonly Role[];
}

/**
 * Process definitions for designers (Camunda's RepositoryService): deploy, the processes and
 * their versions, drafts, and the directory the modeler's pickers read. Used by the API and the CLI.
 */
export class DefinitionService {
  readonly #registry: DefinitionRegistry;
  readonly #models: Models;
  readonly #schedules: StartSchedules;
  readonly #now: () => Date;
  readonly #log: Logger;

  constructor(registry: DefinitionRegistry, models: Models, schedules: StartSchedules, now: () => Date, log: Logger) {
    this.#registry = registry;
    this.#models = models;
    this.#schedules = schedules;
    this.#now = now;
    this.#log = log;
  }

  /** Deploys a model; a process that starts on a timer has its schedule follow the new version (reconcile catches up if Redis is away). */
  async deploy(xml: string, actor: Actor): Promise<DeployOutcome> {
    const outcome = await this.#registry.deploy(xml, actor.username);
    if (outcome.created) {
      await this.#schedules.sync(outcome.key).catch((error: unknown) => this.#log.warn({ err: error, processKey: outcome.key }, 'could not update the timer start schedule; the next reconcile does'));
    }
    return outcome;
  }

  async list(): Promise<DefinitionSummary[]> {
    const records = await this.#models.definitions.find({}, { xml: 0, catalogue: 0 }).sort({ key: 1, version: -1 }).lean<DefinitionRecord[]>();
    const latest = new Map<string, DefinitionRecord>();
    for (const record of records) if (!latest.has(record.key)) latest.set(record.key, record);
    return [...latest.values()].map((record) => ({ key: record.key, name: record.name, latestVersion: record.version, deployedAt: record.deployedAt.toISOString() }));
  }

  async get(key: string): Promise<DefinitionDetail> {
    const records = await this.#models.definitions.find({ key }, { catalogue: 0 }).sort({ version: -1 }).lean<DefinitionRecord[]>();
    if (records.length === 0) throw new NotFoundError('process', key);
    return {
      key,
      name: records[0].name,
      versions: records.map((record) => ({ version: record.version, deployedAt: record.deployedAt.toISOString(), deployedBy: record.deployedBy })),
      latest: { version: records[0].version, xml: records[0].xml },
    };
  }

  /** One deployed version's XML, e.g. to compare a draft with it. */
  async version(key: string, version: number): Promise<{ key: string; version: number; xml: string }> {
    const record = await this.#models.definitions.findOne({ key, version }, { xml: 1 }).lean<DefinitionRecord>();
    if (!record) throw new NotFoundError('process version', `${key} v${version}`);
    return { key, version, xml: record.xml };
  }

  /** Saves a designer's work in progress on a process; deploying is a separate, linted step. */
  async saveDraft(key: string, xml: string, actor: Actor): Promise<{ key: string; savedAt: string }> {
    const savedAt = this.#now();
    await this.#models.drafts.replaceOne({ _id: key }, { _id: key, xml, savedBy: actor.username, savedAt }, { upsert: true });
    return { key, savedAt: savedAt.toISOString() };
  }

  /** Every saved draft, newest first, without its XML: drafts of processes not deployed yet included. */
  async listDrafts(): Promise<Array<{ key: string; savedBy: string; savedAt: string }>> {
    const drafts = await this.#models.drafts.find({}, { xml: 0 }).sort({ savedAt: -1 }).lean<DraftRecord[]>();
    return drafts.map((draft) => ({ key: draft._id, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() }));
  }

  async getDraft(key: string): Promise<{ key: string; xml: string; savedBy: string; savedAt: string }> {
    const draft = await this.#models.drafts.findById(key).lean<DraftRecord>();
    if (!draft) throw new NotFoundError('draft', key);
    return { key, xml: draft.xml, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() };
  }

  /** Departments, groups and roles in use, for pickers in the modeler. */
  async directory(): Promise<Directory> {
    const users = await this.#models.users.find({}, { department: 1, groups: 1 }).lean<Array<Pick<UserRecord, 'department' | 'groups'>>>();
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
    return { departments: sorted(users.flatMap((user) => (user.department ? [user.department] : []))), groups: sorted(users.flatMap((user) => user.groups)), roles };
  }
}
