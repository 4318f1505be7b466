import type { Logger } from 'pino';
import type { DefinitionRegistry, DeployOutcome } from '../definitions';
import { NotFoundError } from '../errors';
import type { ServiceCatalogue } from '../hall';
import type { OrgDirectory, ProcessOwnership } from '../org';
import type { AdoptionRecord, DefinitionRecord, DraftRecord } from '../records';
import type { StartSchedules } from '../schedules';
import type { Models } from '../store/models';
import type { DefinitionDetail, DefinitionSummary, Directory, DraftView, VersionSummary } from '../definitions/definition-views';
import type { Actor } from '../users/actor';
import type { NameBook } from '../users/name-book';
import { roles } from '../users/roles';

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
  /** Every visible process with its versions, newest first, in one read (the process list needs no read per process). */
  async list(actor: Actor): Promise<DefinitionSummary[]> {
    const records = await this.#models.definitions.find(this.#ownership.visibleFilter(actor), { xml: 0, catalogue: 0 }).sort({ key: 1, version: -1 }).lean<DefinitionRecord[]>();
    const byKey = new Map<string, DefinitionRecord[]>();
    for (const record of records) {
      const versions = byKey.get(record.key);
      if (versions) versions.push(record);
      else byKey.set(record.key, [record]);
    }
    const [owner, versionsOf] = await Promise.all([this.#owner(), this.#versionSummaries(records)]);
    return [...byKey.values()].map((versions) => {
      const [latest] = versions;
      return { key: latest.key, name: latest.name, latestVersion: latest.version, deployedAt: latest.deployedAt.toISOString(), ...owner(latest.unit), versions: versionsOf(versions) };
    });
  }

  async get(key: string, actor: Actor): Promise<DefinitionDetail> {
    await this.#ownership.assertVisible(key, actor);
    const records = await this.#models.definitions.find({ key }, { catalogue: 0 }).sort({ version: -1 }).lean<DefinitionRecord[]>();
    if (records.length === 0) throw new NotFoundError('process', key);
    const [owner, versionsOf] = await Promise.all([this.#owner(), this.#versionSummaries(records)]);
    return { key, name: records[0].name, ...owner(records[0].unit), versions: versionsOf(records), latest: { version: records[0].version, xml: records[0].xml } };
  }

  /** How answers list versions: number, time and who deployed it, by name. */
  async #versionSummaries(records: DefinitionRecord[]): Promise<(versions: DefinitionRecord[]) => VersionSummary[]> {
    const { people } = await this.#names.names({ people: records.map((record) => record.deployedBy) });
    return (versions) => versions.map((record) => ({ version: record.version, deployedAt: record.deployedAt.toISOString(), deployedBy: record.deployedBy, deployedByName: people[record.deployedBy] ?? null }));
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

  async getDraft(key: string, actor: Actor): Promise<DraftView> {
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

  /** Departments, groups and roles in use, for pickers in the modeler; the users' indexes answer, not a read of every user. */
  async directory(): Promise<Directory> {
    const [userDepartments, groups, tree] = await Promise.all([this.#models.users.distinct('department'), this.#models.users.distinct('groups'), this.#org.tree()]);
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
    const units = tree.views();
    return {
      departments: sorted([...units.map((unit) => unit.code), ...userDepartments.filter((department): department is string => typeof department === 'string' && department !== '')]),
      unitNames: Object.fromEntries(units.map((unit) => [unit.code, unit.path.join(' / ')])),
      groups: sorted(groups.filter((group): group is string => typeof group === 'string')),
      roles,
    };
  }
}
