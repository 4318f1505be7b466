import type { UnitKind, UnitRecord } from '../records';

/** The units an actor oversees: `all` at the city level (or before there is a tree), else these unit codes. */
export type Jurisdiction = 'all' | readonly string[];

/** A unit as the API answers it. */
export interface UnitView {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  /** Names from the root down to this unit, e.g. 市人民政府 / 东城区 / 东城区市场监督管理局. */
  path: string[];
}

/**
 * The organisation tree as one node holds it in memory (a city's few thousand units at most):
 * who is under whom, names by code, and the subtree a member of a unit oversees. Built from the
 * `units` collection; OrgDirectory keeps it fresh.
 */
export class OrgTree {
  readonly #units: Map<string, UnitRecord>;
  readonly #children = new Map<string, string[]>();

  constructor(units: readonly UnitRecord[]) {
    this.#units = new Map(units.map((unit) => [unit._id, unit]));
    for (const unit of units) if (unit.parent !== null) this.#children.set(unit.parent, [...(this.#children.get(unit.parent) ?? []), unit._id]);
    for (const codes of this.#children.values()) codes.sort();
  }

  get empty(): boolean {
    return this.#units.size === 0;
  }

  get size(): number {
    return this.#units.size;
  }

  /** The root (the city), when there is a tree. */
  get root(): UnitRecord | undefined {
    return [...this.#units.values()].find((unit) => unit.parent === null);
  }

  unit(code: string): UnitRecord | undefined {
    return this.#units.get(code);
  }

  has(code: string): boolean {
    return this.#units.has(code);
  }

  /** The unit's name, or the code itself for a department the tree does not know. */
  nameOf(code: string): string {
    return this.#units.get(code)?.name ?? code;
  }

  children(code: string): string[] {
    return this.#children.get(code) ?? [];
  }

  /** The unit and everything under it, parents before children. */
  subtree(code: string): string[] {
    const codes: string[] = [];
    const visit = (current: string): void => {
      codes.push(current);
      for (const child of this.children(current)) visit(child);
    };
    if (this.#units.has(code)) visit(code);
    return codes;
  }

  /** Codes from the root down to the unit, itself included; empty for an unknown code. */
  lineage(code: string): string[] {
    const codes: string[] = [];
    for (let unit = this.#units.get(code); unit && !codes.includes(unit._id); unit = unit.parent === null ? undefined : this.#units.get(unit.parent)) codes.unshift(unit._id);
    return codes;
  }

  /** `code` is `ancestor` or lies under it. */
  isWithin(code: string, ancestor: string): boolean {
    return this.lineage(code).includes(ancestor);
  }

  /**
   * What a member of unit `code` oversees. A supervision office watches the unit it belongs to
   * (the city's office the whole city, a district's its district); any other unit, itself and
   * what is under it. Staff without a unit work at the city level; before there is a tree, the
   * installation is one flat administration and everyone's is `all`, as it was.
   */
  jurisdictionOf(code: string | null): Jurisdiction {
    if (this.empty || code === null) return 'all';
    const unit = this.#units.get(code);
    if (!unit) return [code];
    const overseen = unit.kind === 'supervision-office' && unit.parent !== null ? unit.parent : code;
    return this.#units.get(overseen)?.parent === null ? 'all' : this.subtree(overseen);
  }

  view(code: string): UnitView | undefined {
    const unit = this.#units.get(code);
    return unit && { code, name: unit.name, kind: unit.kind, parent: unit.parent, path: this.lineage(code).map((each) => this.nameOf(each)) };
  }

  /** Every unit, parents before children, siblings by code. */
  views(): UnitView[] {
    const root = this.root;
    return root ? this.subtree(root._id).map((code) => this.view(code) as UnitView) : [];
  }
}

/** Whether `jurisdiction` covers the unit `code` (a department of a case, a notice, a user). */
export function covers(jurisdiction: Jurisdiction, code: string | null | undefined): boolean {
  return jurisdiction === 'all' || (code !== null && code !== undefined && jurisdiction.includes(code));
}

/** A store filter keeping the documents whose `field` (a unit code, or an array of them) lies within the jurisdiction. */
export function jurisdictionFilter(jurisdiction: Jurisdiction, field: string): Record<string, unknown> {
  return jurisdiction === 'all' ? {} : { [field]: { $in: [...jurisdiction] } };
}
