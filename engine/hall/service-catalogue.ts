import type { Collection } from 'mongodb';
import { InvalidInputError, NotFoundError } from '../errors';
import type { FileLimits } from '../files/file-rules';
import type { OrgDirectory } from '../org/org-directory';
import type { DefinitionRecord, ServiceRecord } from '../records';
import type { ServiceView } from './service-view';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import { replaceIfNewer } from '../store/projection-writes';
import { containing } from '../store/text-match';

const megabyte = 1024 * 1024;

/**
 * The online hall's catalogue: each process's newest deployed version, listed when its service
 * guide says it is public. Written at deploy (a projection of the definitions, keyed by process,
 * an older version never overwriting a newer one); read by anyone, without signing in.
 */
export class ServiceCatalogue {
  readonly #models: Models;
  /** The same collection through the driver, for the projection's conditional writes. */
  readonly #entries: Collection<ServiceRecord>;
  readonly #org: OrgDirectory;

  constructor(models: Models, entries: Collection<ServiceRecord>, org: OrgDirectory) {
    this.#models = models;
    this.#entries = entries;
    this.#org = org;
  }

  /** Reads the process's newest version into the catalogue; run after each deploy that made a version. */
  async publish(key: string): Promise<void> {
    const latest = await this.#models.definitions.findOne({ key }, { xml: 0 }).sort({ version: -1 }).lean<DefinitionRecord>();
    if (latest) await replaceIfNewer(this.#entries, [entryOf(latest)], 'version');
  }

  /** The public services whose name, code or unit (with the units under it) contains `search`, or of one unit and those under it; by name. */
  async list(options: { search?: string; unit?: string }, page: Page): Promise<{ items: ServiceView[]; total: number }> {
    const filter = await this.#filter(options);
    const { items, total } = await pagedFind<ServiceRecord>(this.#models.services, filter, { name: 1, _id: 1 }, page);
    const tree = await this.#org.tree();
    return { items: items.map((record) => viewOf(record, (code) => tree.view(code))), total };
  }

  /** One public service; one that is not public is unknown here. */
  async get(key: string): Promise<ServiceView> {
    const record = await this.#models.services.findOne({ _id: key, public: true }).lean<ServiceRecord>();
    if (!record) throw new NotFoundError('service', key);
    const tree = await this.#org.tree();
    return viewOf(record, (code) => tree.view(code));
  }

  /** What a file of a service's material may be: the material's limits within the installation's. */
  async uploadLimits(base: FileLimits, service: string | undefined, material: string | undefined): Promise<FileLimits> {
    if (service === undefined && material === undefined) return base;
    const record = service === undefined ? null : await this.#models.services.findOne({ _id: service }, { guide: 1 }).lean<ServiceRecord>();
    const spec = record?.guide.materials.find((each) => each.key === material);
    if (!spec) throw new InvalidInputError('the upload names a material that is not listed', [{ path: record ? 'material' : 'service', message: record ? `"${material ?? ''}" is not a material of ${service}` : `there is no service "${service ?? ''}"; name both service and material, or neither` }], 422);
    return { maxBytes: Math.min(base.maxBytes, (spec.maxSizeMb ?? Infinity) * megabyte), mediaTypes: spec.mediaTypes ?? base.mediaTypes };
  }

  async #filter(options: { search?: string; unit?: string }): Promise<Record<string, unknown>> {
    const tree = await this.#org.tree();
    const listed: Record<string, unknown> = { public: true, ...(options.unit ? { unit: { $in: tree.subtree(options.unit) } } : {}) };
    if (!options.search) return listed;
    const units = (await this.#org.list(options.search)).flatMap((unit) => tree.subtree(unit.code));
    const contains = containing(options.search);
    return { ...listed, $or: [{ name: contains }, { 'guide.serviceCode': contains }, ...(units.length > 0 ? [{ unit: { $in: units } }] : [])] };
  }
}

function entryOf(record: DefinitionRecord): ServiceRecord {
  const { catalogue } = record;
  const guide = catalogue.service ?? { public: false, incompleteAcceptance: false, materials: [] };
  return {
    _id: record.key,
    version: record.version,
    name: record.name,
    unit: record.unit ?? null,
    public: guide.public,
    guide,
    form: catalogue.startForm ?? [],
    promisedLimit: catalogue.clock.promisedLimit ?? null,
    statutoryLimit: catalogue.clock.statutoryLimit ?? null,
    publishedAt: record.deployedAt,
  };
}

function viewOf(record: ServiceRecord, unitView: (code: string) => { code: string; name: string; path: string[] } | undefined): ServiceView {
  const unit = record.unit ? unitView(record.unit) : undefined;
  const { guide } = record;
  return {
    key: record._id,
    version: record.version,
    name: record.name,
    serviceCode: guide.serviceCode ?? null,
    department: unit ? { code: unit.code, name: unit.name, path: unit.path } : null,
    legalBasis: guide.legalBasis ?? null,
    conditions: guide.conditions ?? null,
    fees: guide.fees ?? null,
    collection: guide.collection ?? null,
    promisedLimit: record.promisedLimit,
    statutoryLimit: record.statutoryLimit,
    incompleteAcceptance: guide.incompleteAcceptance,
    supplementLimit: guide.supplementLimit ?? null,
    materials: guide.materials,
    form: record.form,
  };
}
