import { SubjectTrail } from '../audit/subject-trail';
import { ConflictError, InvalidInputError, NotFoundError, type ProblemDetail } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { UnitRecord } from '../records';
import type { Models } from '../store/models';
import type { Actor } from '../users/actor';
import { covers, OrgTree, type Jurisdiction, type UnitView } from './org-tree';
import { unitProblems, type UnitInput } from './unit-rules';

/** What an import would do, or did: units created, units changed (name, kind or place), units already as given. */
export interface ImportPlan {
  created: UnitView[];
  changed: Array<UnitView & { before: Pick<UnitInput, 'name' | 'kind' | 'parent'> }>;
  unchanged: number;
  dryRun: boolean;
}

/**
 * The organisation tree (目录服务) for the admin API, the CLI and every check that needs it:
 * units added, renamed, moved or imported by admins within their jurisdiction, each change on
 * the unit's own hash chain (unit_audit). Each node keeps the tree for `cacheMs` and forgets it
 * at once after its own changes, so another node's change shows within seconds, like accounts.
 */
export class OrgDirectory {
  readonly #models: Models;
  readonly #now: () => Date;
  readonly #cacheMs: number;
  readonly trail: SubjectTrail<'unit', UnitRecord>;
  #cached?: { tree: Promise<OrgTree>; at: number };

  constructor(models: Models, now: () => Date, cacheMs = 3000) {
    this.#models = models;
    this.#now = now;
    this.#cacheMs = cacheMs;
    this.trail = new SubjectTrail({ subject: 'unit', entries: models.unitAudit, heads: models.units, kind: 'unit' }, now);
  }

  /** The tree as this node last read it, at most `cacheMs` old. */
  tree(): Promise<OrgTree> {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at > this.#cacheMs) {
      const tree = this.#models.units.find({}).lean<UnitRecord[]>().then((units) => new OrgTree(units));
      this.#cached = { tree, at: now };
      tree.catch(() => (this.#cached = undefined));
    }
    return this.#cached.tree;
  }

  forget(): void {
    this.#cached = undefined;
  }

  /** What a member of unit `code` oversees, from the current tree. */
  async jurisdictionOf(code: string | null): Promise<Jurisdiction> {
    return (await this.tree()).jurisdictionOf(code);
  }

  /** One unit; every member of staff reads the whole tree (a designer names another district's groups in 并联审批). */
  async get(code: string): Promise<UnitView> {
    const view = (await this.tree()).view(code);
    if (!view) throw new NotFoundError('unit', code);
    return view;
  }

  /** The units, parents before children; with `search`, those whose code or name contains it, for pickers. */
  async list(search?: string): Promise<UnitView[]> {
    const views = (await this.tree()).views();
    if (!search) return views;
    const needle = search.toLowerCase();
    return views.filter((view) => view.code.toLowerCase().includes(needle) || view.name.includes(search));
  }

  /** Adds a unit under one the admin oversees (the root only at the city level). */
  async add(unit: UnitInput, by: Actor): Promise<UnitView> {
    const plan = await this.import([unit], by, { dryRun: false, only: 'create' });
    return plan.created[0];
  }

  /** Renames a unit, changes its kind or moves it under another; both places within the admin's jurisdiction. */
  async change(code: string, changes: Partial<Pick<UnitInput, 'name' | 'kind' | 'parent'>>, by: Actor): Promise<UnitView> {
    const current = (await this.tree()).unit(code);
    if (!current || !covers(jurisdictionOfActor(by), code)) throw new NotFoundError('unit', code);
    const plan = await this.import([{ code, name: current.name, kind: current.kind, parent: current.parent, ...changes }], by, { dryRun: false });
    return plan.changed[0] ?? ((await this.tree()).view(code) as UnitView);
  }

  /**
   * Brings the tree in line with `units` (a CSV or JSON file's rows): missing units are created,
   * differing ones changed, the rest left; units not in the file stay. The whole file is checked
   * against the tree it would make before anything is written, so a bad row changes nothing.
   */
  async import(units: readonly UnitInput[], by: Actor, options: { dryRun: boolean; only?: 'create' }): Promise<ImportPlan> {
    const current = await this.#models.units.find({}).lean<UnitRecord[]>();
    const before = new Map(current.map((unit) => [unit._id, unit]));
    const after = new OrgTree(mergedUnits(current, units, this.#now()));
    const problems = fileProblems(units, { before, after }, jurisdictionOfActor(by), options.only);
    if (problems.length > 0) throw new InvalidInputError(units.length === 1 ? `cannot save unit ${units[0].code}` : 'the organisation file has problems; nothing was imported', problems, 422);
    const plan: ImportPlan = { created: [], changed: [], unchanged: 0, dryRun: options.dryRun };
    for (const code of after.views().map((view) => view.code)) {
      const unit = units.find((each) => each.code === code);
      const old = before.get(code);
      if (!unit) continue;
      if (!old) plan.created.push(after.view(code) as UnitView);
      else if (old.name !== unit.name || old.kind !== unit.kind || old.parent !== unit.parent) plan.changed.push({ ...(after.view(code) as UnitView), before: { name: old.name, kind: old.kind, parent: old.parent } });
      else plan.unchanged++;
    }
    if (!options.dryRun) await this.#apply(plan, by);
    return plan;
  }

  /** GOVFLOW_DEMO only: adds the demo units the tree lacks, leaving the ones an admin has changed since as they are. */
  async ensureDemoUnits(units: readonly UnitInput[]): Promise<void> {
    const tree = await this.tree();
    const missing = units.filter((unit) => !tree.has(unit.code));
    if (missing.length > 0) await this.import(missing, { username: 'demo-seed', roles: ['admin'], department: null, groups: [] }, { dryRun: false });
  }

  /** Throws 404 unless unit `code` exists within the administrator's jurisdiction: before reading its trail. */
  async assertAdministered(code: string, by: Actor): Promise<void> {
    if (!(await this.tree()).has(code) || !covers(jurisdictionOfActor(by), code)) throw new NotFoundError('unit', code);
  }

  async #apply(plan: ImportPlan, by: Actor): Promise<void> {
    for (const unit of plan.created) {
      await this.#models.units.create({ _id: unit.code, name: unit.name, kind: unit.kind, parent: unit.parent, createdAt: this.#now() }).catch((error: unknown) => {
        throw isDuplicateKey(error) ? new ConflictError(`unit ${unit.code} was created by someone else meanwhile; import again`) : error;
      });
      await this.trail.append(unit.code, { actor: by.username, action: 'unit.created', detail: { name: unit.name, kind: unit.kind, parent: unit.parent } });
    }
    for (const unit of plan.changed) {
      await this.trail.append(unit.code, { actor: by.username, action: 'unit.changed', detail: { name: unit.name, kind: unit.kind, parent: unit.parent, before: unit.before } });
      await this.#models.units.updateOne({ _id: unit.code }, { $set: { name: unit.name, kind: unit.kind, parent: unit.parent } });
    }
    this.forget();
  }
}

/** The actor's jurisdiction; an actor made without one (govflow itself, the CLI) works at the city level. */
export function jurisdictionOfActor(actor: Actor): Jurisdiction {
  return actor.jurisdiction ?? 'all';
}

/** Why a file's units cannot be saved, checked against the tree as it is (`before`) and the tree they would make (`after`). */
function fileProblems(units: readonly UnitInput[], trees: { before: Map<string, UnitRecord>; after: OrgTree }, jurisdiction: Jurisdiction, only: 'create' | undefined): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const seen = new Set<string>();
  units.forEach((unit, index) => {
    const at = units.length === 1 ? '' : `units[${index}].`;
    if (seen.has(unit.code)) problems.push({ path: `${at}code`, message: `${unit.code} is in the file twice` });
    seen.add(unit.code);
    if (only === 'create' && trees.before.has(unit.code)) problems.push({ path: `${at}code`, message: `unit ${unit.code} exists already` });
    problems.push(...unitProblems(unit, trees.after, at));
    const old = trees.before.get(unit.code);
    const places = [unit.parent ?? unit.code, ...(old?.parent ? [old.parent] : [])];
    if (jurisdiction !== 'all' && !places.every((place) => covers(jurisdiction, place))) problems.push({ path: `${at}parent`, message: 'outside the units you administer' });
  });
  return problems;
}

function mergedUnits(current: readonly UnitRecord[], units: readonly UnitInput[], now: Date): UnitRecord[] {
  const merged = new Map(current.map((unit) => [unit._id, unit]));
  for (const unit of units) merged.set(unit.code, { _id: unit.code, name: unit.name, kind: unit.kind, parent: unit.parent, createdAt: merged.get(unit.code)?.createdAt ?? now });
  return [...merged.values()];
}
