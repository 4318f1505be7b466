import { randomUUID } from 'node:crypto';
import type { DeployOutcome } from '../definitions';
import { InvalidInputError, NotFoundError, type ProblemDetail } from '../errors';
import { jurisdictionOfActor, type OrgDirectory, type OrgTree, type ProcessOwnership } from '../org';
import { covers } from '../org/org-tree';
import type { AdoptionRecord, CaseClockSpec, DefinitionRecord, TemplateRecord } from '../records';
import type { Models } from '../store/models';
import { adoptedModel, templateGroups } from '../templates/adopted-model';
import { formatTimeLimit, parseTimeLimit, type TimeLimit } from '../time/time-limit';
import { groupPattern } from '../users/access-rules';
import type { Actor } from '../users/actor';
import type { DefinitionService } from './definition-service';

export interface TemplateView {
  key: string;
  name: string;
  unit: string;
  unitName: string;
  version: number;
  promisedLimit: string | null;
  statutoryLimit: string | null;
  /** The candidate groups its steps name, which an adopting unit may staff with its own. */
  groups: string[];
  publishedBy: string;
  publishedAt: string;
}

/** One unit's copy of a template, beside the template: which version it runs and where it differs. */
export interface AdoptionView {
  processKey: string;
  name: string;
  unit: string;
  unitName: string;
  version: number;
  templateVersion: number;
  /** It runs the template's published version. */
  current: boolean;
  promisedLimit: { template: string | null; adopted: string | null };
  statutoryLimit: string | null;
  groups: Record<string, string>;
  deployedBy: string;
  deployedAt: string;
}

/** What a unit asks for when it adopts a template. */
export interface AdoptionRequest {
  /** The adopting unit; by default the actor's. */
  unit?: string;
  /** A shorter promised limit than the template's (never longer, never past the statutory one). */
  promisedLimit?: string;
  groups?: Record<string, string>;
}

/**
 * Templates (标准事项): a unit publishes one of its processes as the standard for the units under
 * it; a district adopts it as a process of its own — the same materials, steps and statutory
 * limits, a shorter promised limit and its own windows if it likes — and the publishing unit
 * sees which units run which version and where they differ. Each publication and adoption is
 * on the admin log; an adoption is an ordinary deploy, owned by the adopting unit.
 */
export class TemplateService {
  readonly #models: Models;
  readonly #definitions: DefinitionService;
  readonly #org: OrgDirectory;
  readonly #ownership: ProcessOwnership;

  constructor(models: Models, definitions: DefinitionService, org: OrgDirectory, ownership: ProcessOwnership) {
    this.#models = models;
    this.#definitions = definitions;
    this.#org = org;
    this.#ownership = ownership;
  }

  /** Publishes the newest version of process `key`, which the actor's jurisdiction owns, as a template. */
  async publish(key: string, actor: Actor): Promise<TemplateView> {
    await this.#ownership.assertVisible(key, actor);
    const latest = await this.#latest(key);
    const unit = (await this.#ownership.ownerOf(key)) as string;
    const record: TemplateRecord = { _id: key, unit, version: latest.version, name: latest.name, publishedBy: actor.username, publishedAt: new Date() };
    await this.#models.templates.replaceOne({ _id: key }, record, { upsert: true });
    await this.#log(actor, 'template.published', key, { version: latest.version, unit });
    return this.#view(record, await this.#org.tree());
  }

  /** Every published template: standards are public to the staff who might adopt them. */
  async list(): Promise<TemplateView[]> {
    const records = await this.#models.templates.find({}).sort({ _id: 1 }).lean<TemplateRecord[]>();
    const tree = await this.#org.tree();
    return Promise.all(records.map((record) => this.#view(record, tree)));
  }

  /** Deploys the template as the adopting unit's own process `<template>.<unit>`, narrowed as asked. */
  async adopt(key: string, request: AdoptionRequest, actor: Actor): Promise<DeployOutcome> {
    const template = await this.#template(key);
    const tree = await this.#org.tree();
    const unit = request.unit ?? actor.department ?? tree.root?._id ?? '';
    const source = await this.#version(key, template.version);
    const groups = request.groups ?? {};
    const problems = [...placeProblems(tree, template, unit), ...limitProblems(source.catalogue.clock, request.promisedLimit), ...(await groupProblems(source.xml, groups, tree, unit))];
    if (problems.length > 0) throw new InvalidInputError(`cannot adopt template ${key}`, problems, 422);
    const adoptedKey = `${key}.${unit}`;
    const xml = await adoptedModel(source.xml, { key: adoptedKey, name: `${template.name}（${tree.nameOf(unit)}）`, promisedLimit: request.promisedLimit, groups });
    const adoptedFrom: AdoptionRecord = { template: key, templateVersion: template.version, ...(request.promisedLimit ? { promisedLimit: request.promisedLimit } : {}), ...(Object.keys(groups).length > 0 ? { groups } : {}) };
    const outcome = await this.#definitions.deploy(xml, actor, unit, adoptedFrom);
    await this.#log(actor, 'template.adopted', key, { unit, processKey: adoptedKey, version: outcome.version, templateVersion: template.version });
    return outcome;
  }

  /** The units' copies of template `key` within the actor's jurisdiction, each by its newest version. */
  async adoptions(key: string, actor: Actor): Promise<AdoptionView[]> {
    const template = await this.#template(key);
    const templateClock = (await this.#version(key, template.version)).catalogue.clock;
    const jurisdiction = jurisdictionOfActor(actor);
    const records = await this.#models.definitions.find({ 'adoptedFrom.template': key }, { xml: 0 }).sort({ key: 1, version: -1 }).lean<DefinitionRecord[]>();
    const tree = await this.#org.tree();
    const newest = new Map<string, DefinitionRecord>();
    for (const record of records) if (!newest.has(record.key) && covers(jurisdiction, record.unit)) newest.set(record.key, record);
    return [...newest.values()].map((record) => {
      const adoption = record.adoptedFrom as AdoptionRecord;
      const unit = record.unit as string;
      return {
        processKey: record.key,
        name: record.name,
        unit,
        unitName: tree.nameOf(unit),
        version: record.version,
        templateVersion: adoption.templateVersion,
        current: adoption.templateVersion === template.version,
        promisedLimit: { template: templateClock.promisedLimit ?? null, adopted: record.catalogue.clock.promisedLimit ?? null },
        statutoryLimit: record.catalogue.clock.statutoryLimit ?? null,
        groups: adoption.groups ?? {},
        deployedBy: record.deployedBy,
        deployedAt: record.deployedAt.toISOString(),
      };
    });
  }

  async #template(key: string): Promise<TemplateRecord> {
    const record = await this.#models.templates.findById(key).lean<TemplateRecord>();
    if (!record) throw new NotFoundError('template', key);
    return record;
  }

  async #latest(key: string): Promise<DefinitionRecord> {
    const [latest] = await this.#models.definitions.find({ key }).sort({ version: -1 }).limit(1).lean<DefinitionRecord[]>();
    if (!latest) throw new NotFoundError('process', key);
    return latest;
  }

  async #version(key: string, version: number): Promise<DefinitionRecord> {
    const record = await this.#models.definitions.findOne({ key, version }).lean<DefinitionRecord>();
    if (!record) throw new NotFoundError('process version', `${key} v${version}`);
    return record;
  }

  async #view(record: TemplateRecord, tree: OrgTree): Promise<TemplateView> {
    const source = await this.#version(record._id, record.version);
    return {
      key: record._id,
      name: record.name,
      unit: record.unit,
      unitName: tree.nameOf(record.unit),
      version: record.version,
      promisedLimit: source.catalogue.clock.promisedLimit ?? null,
      statutoryLimit: source.catalogue.clock.statutoryLimit ?? null,
      groups: [...(await templateGroups(source.xml))].sort(),
      publishedBy: record.publishedBy,
      publishedAt: record.publishedAt.toISOString(),
    };
  }

  async #log(actor: Actor, action: string, target: string, detail: Record<string, unknown>): Promise<void> {
    await this.#models.adminLog.create({ _id: randomUUID(), at: new Date(), actor: actor.username, action, target, detail: JSON.stringify(detail) });
  }
}

/** The adopting unit must lie under the template's, which runs the template itself. */
function placeProblems(tree: OrgTree, template: TemplateRecord, unit: string): ProblemDetail[] {
  if (!tree.has(unit)) return [{ path: 'unit', message: `no unit ${unit}` }];
  if (unit === template.unit || !tree.isWithin(unit, template.unit)) return [{ path: 'unit', message: `${tree.nameOf(unit)} is not under ${tree.nameOf(template.unit)}, which publishes the template` }];
  return [];
}

/** A unit may shorten the promised limit, in the template's unit of counting, never past the template's or the statutory one. */
function limitProblems(clock: CaseClockSpec, requested: string | undefined): ProblemDetail[] {
  if (requested === undefined) return [];
  const path = 'promisedLimit';
  let limit: TimeLimit;
  try {
    limit = parseTimeLimit(requested);
  } catch (error) {
    return [{ path, message: (error as Error).message }];
  }
  const statutory = clock.statutoryLimit ? parseTimeLimit(clock.statutoryLimit) : undefined;
  const promised = clock.promisedLimit ? parseTimeLimit(clock.promisedLimit) : statutory;
  if (!promised) return [{ path, message: 'the template has no time limit to narrow' }];
  if (limit.unit !== promised.unit) return [{ path, message: `count it as the template does, e.g. ${formatTimeLimit({ ...limit, unit: promised.unit })}` }];
  if (statutory && limit.amount > statutory.amount) return [{ path, message: `${requested} exceeds the statutory limit (法定时限) ${clock.statutoryLimit}` }];
  if (limit.amount > promised.amount) return [{ path, message: `${requested} is longer than the template's promised limit ${clock.promisedLimit}: a unit may only shorten it` }];
  return [];
}

/** Each replaced group must be one the template names, each replacement a group of the adopting unit or under it. */
async function groupProblems(xml: string, groups: Record<string, string>, tree: OrgTree, unit: string): Promise<ProblemDetail[]> {
  const named = await templateGroups(xml);
  return Object.entries(groups).flatMap(([from, to]): ProblemDetail[] => {
    const path = `groups.${from}`;
    if (!named.has(from)) return [{ path, message: `the template names no group ${from}` }];
    if (!groupPattern.test(to)) return [{ path, message: 'a group is role@unit' }];
    const target = to.split('@')[1];
    return tree.has(target) && tree.isWithin(target, unit) ? [] : [{ path, message: `${target} is not ${tree.nameOf(unit)} or a unit under it` }];
  });
}
