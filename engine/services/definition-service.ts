import type { Logger } from 'pino';
import type { DefinitionRegistry, DeployOutcome } from '../definitions';
import { NotFoundError } from '../errors';
import type { ServiceCatalogue } from '../hall';
import type { OrgDirectory, ProcessOwnership } from '../org';
import type { AdoptionRecord, DefinitionRecord, DraftRecord, Role, UserRecord } from '../records';
import type { StartSchedules } from '../schedules';
import type { Models } from '../store/models';
import type { Actor } from '../users/actor';
import type { NameBook } from '../users/name-book';
import { roles } from '../users/roles';

export interface DefinitionSummary {
  key: string;
  name: string;
  latestVersion: number;
  deployedAt: string;
  /** The unit the process belongs to, and its name; null before there is a tree. */
  unit: string | null;
  unitName: string | null;
}

export interface DefinitionDetail {
  key: string;
  name: string;
  unit: string | null;
  unitName: string | null;
  versions: Array<{ version: number; deployedAt: string; deployedBy: string }>;
  latest: { version: number; xml: string };
}

/** The departments (the tree's units and those users name), candidate groups and roles, for a designer to pick from. */
export interface Directory {
  departments: string[];
  /** Each unit by its path of names, for the pickers' labels. */
  unitNames: Record<string, string>;
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
  readonly #services: ServiceCatalogue;
  readonly #org: OrgDirectory;
  readonly #ownership: ProcessOwnership;
  readonly #names: NameBook;
  readonly #now: () => Date;
  readonly #log: Logger;

  constructor(registry: DefinitionRegistry, models: Models, followers: { schedules: StartSchedules; services: ServiceCatalogue }, org: { directory: OrgDirectory; ownership: ProcessOwnership; names: NameBook }, now: () => Date, log: Logger) {
    this.#registry = registry;
    this.#models = models;
    this.#schedules = followers.schedules;
    this.#services = followers.services;
    this.#org = org.directory;
    this.#ownership = org.ownership;
    this.#names = org.names;
    this.#now = now;
    this.#log = log;
  }

  /**
   * Deploys a model for `unit` (default: the process's unit, else the actor's) within the actor's
   * jurisdiction; the catalogue shows the new version's service guide, and a process that starts
   * on a timer has its schedule follow the new version (reconcile catches up if Redis is away).
   */
  async deploy(xml: string, actor: Actor, unit?: string, adoptedFrom?: AdoptionRecord): Promise<DeployOutcome> {
    const outcome = await this.#registry.deploy(xml, actor.username, async (key) => ({ unit: await this.#ownership.unitForSave(key, actor, unit), adoptedFrom }));
    if (outcome.created) {
      await this.#services.publish(outcome.key);
      await this.#schedules.sync(outcome.key).catch((error: unknown) => this.#log.warn({ err: error, processKey: outcome.key }, 'could not update the timer start schedule; the next reconcile does'));
    }
    return outcome;
  }

  /** The processes of the actor's jurisdiction, each with its latest version. */
  async list(actor: Actor): Promise<DefinitionSummary[]> {
    const records = await this.#models.definitions.find(this.#ownership.visibleFilter(actor), { xml: 0, catalogue: 0 }).sort({ key: 1, version: -1 }).lean<DefinitionRecord[]>();
    const latest = new Map<string, DefinitionRecord>();
    for (const record of records) if (!latest.has(record.key)) latest.set(record.key, record);
    const owner = await this.#owner();
    return [...latest.values()].map((record) => ({ key: record.key, name: record.name, latestVersion: record.version, deployedAt: record.deployedAt.toISOString(), ...owner(record.unit) }));
  }

  async get(key: string, actor: Actor): Promise<DefinitionDetail> {
    await this.#ownership.assertVisible(key, actor);
    const records = await this.#models.definitions.find({ key }, { catalogue: 0 }).sort({ version: -1 }).lean<DefinitionRecord[]>();
    if (records.length === 0) throw new NotFoundError('process', key);
    return {
      key,
      name: records[0].name,
      ...(await this.#owner())(records[0].unit),
      versions: records.map((record) => ({ version: record.version, deployedAt: record.deployedAt.toISOString(), deployedBy: record.deployedBy })),
      latest: { version: records[0].version, xml: records[0].xml },
    };
  }

  /** One deployed version's XML, e.g. to compare a draft with it. */
  async version(key: string, version: number, actor: Actor): Promise<{ key: string; version: number; xml: string }> {
    await this.#ownership.assertVisible(key, actor);
    const record = await this.#models.definitions.findOne({ key, version }, { xml: 1 }).lean<DefinitionRecord>();
    if (!record) throw new NotFoundError('process version', `${key} v${version}`);
    return { key, version, xml: record.xml };
  }

  /** Saves a designer's work in progress on a process of their jurisdiction; deploying is a separate, linted step. */
  async saveDraft(key: string, xml: string, actor: Actor, unit?: string): Promise<{ key: string; savedAt: string }> {
    const owner = await this.#ownership.unitForSave(key, actor, unit);
    const savedAt = this.#now();
    await this.#models.drafts.replaceOne({ _id: key }, { _id: key, xml, savedBy: actor.username, savedAt, ...(owner === undefined ? {} : { unit: owner }) }, { upsert: true });
    return { key, savedAt: savedAt.toISOString() };
  }

  /** The drafts of the actor's jurisdiction, newest first, without their XML: drafts of processes not deployed yet included. */
  async listDrafts(actor: Actor): Promise<Array<{ key: string; savedBy: string; savedByName: string | null; savedAt: string; unit: string | null; unitName: string | null }>> {
    const drafts = await this.#models.drafts.find(this.#ownership.visibleFilter(actor), { xml: 0 }).sort({ savedAt: -1 }).lean<DraftRecord[]>();
    const [owner, { people }] = await Promise.all([this.#owner(), this.#names.names({ people: drafts.map((draft) => draft.savedBy) })]);
    return drafts.map((draft) => ({ key: draft._id, savedBy: draft.savedBy, savedByName: people[draft.savedBy] ?? null, savedAt: draft.savedAt.toISOString(), ...owner(draft.unit) }));
  }

  async getDraft(key: string, actor: Actor): Promise<{ key: string; xml: string; savedBy: string; savedByName: string | null; savedAt: string }> {
    await this.#ownership.assertVisible(key, actor, 'draft');
    const draft = await this.#models.drafts.findById(key).lean<DraftRecord>();
    if (!draft) throw new NotFoundError('draft', key);
    const { people } = await this.#names.names({ people: [draft.savedBy] });
    return { key, xml: draft.xml, savedBy: draft.savedBy, savedByName: people[draft.savedBy] ?? null, savedAt: draft.savedAt.toISOString() };
  }

  /** How an answer names a process's unit: the unit and its name, the root's for a process from before the tree. */
  async #owner(): Promise<(unit: string | undefined) => { unit: string | null; unitName: string | null }> {
    const tree = await this.#org.tree();
    return (unit) => {
      const code = unit ?? tree.root?._id ?? null;
      return { unit: code, unitName: code === null ? null : tree.nameOf(code) };
    };
  }

  /** Departments, groups and roles in use, for pickers in the modeler. */
  async directory(): Promise<Directory> {
    const users = await this.#models.users.find({}, { department: 1, groups: 1 }).lean<Array<Pick<UserRecord, 'department' | 'groups'>>>();
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
    const units = (await this.#org.tree()).views();
    return {
      departments: sorted([...units.map((unit) => unit.code), ...users.flatMap((user) => (user.department ? [user.department] : []))]),
      unitNames: Object.fromEntries(units.map((unit) => [unit.code, unit.path.join(' / ')])),
      groups: sorted(users.flatMap((user) => user.groups)),
      roles,
    };
  }
}
