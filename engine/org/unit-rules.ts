import type { ProblemDetail } from '../errors';
import type { UnitKind } from '../records';
import type { OrgTree } from './org-tree';

export const unitKinds: readonly UnitKind[] = ['city', 'district', 'bureau', 'section', 'window', 'supervision-office'];

/** A unit's code; also the unit half of a `role@unit` group (users/access-rules.ts), so every unit can be named in one. */
export const unitCode = '[a-z0-9][a-z0-9._-]{0,63}';
export const unitCodePattern = new RegExp(`^${unitCode}$`, 'i');

/** A unit as an admin or an import file gives it. */
export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

/**
 * Why `unit` cannot stand in `tree` (which already holds every other unit it is checked with):
 * a malformed code or name, an unknown kind, a parent that does not exist, a second root, a
 * root that is not a city, a unit under a supervision office, or a move under itself.
 */
export function unitProblems(unit: UnitInput, tree: OrgTree, at: string): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!unitCodePattern.test(unit.code)) problems.push({ path: `${at}code`, message: 'letters, digits, dots, dashes or underscores, at most 64' });
  if (unit.name.trim().length === 0 || unit.name.length > 64) problems.push({ path: `${at}name`, message: 'a name of 1 to 64 characters' });
  if (!unitKinds.includes(unit.kind)) problems.push({ path: `${at}kind`, message: `one of ${unitKinds.join(', ')}` });
  problems.push(...placeProblems(unit, tree, at));
  return problems;
}

function placeProblems(unit: UnitInput, tree: OrgTree, at: string): ProblemDetail[] {
  const path = `${at}parent`;
  if (unit.parent === null) {
    const root = tree.root;
    if (root && root._id !== unit.code) return [{ path, message: `the tree has its root already (${root._id} ${root.name}); name the unit this one belongs to` }];
    return unit.kind === 'city' ? [] : [{ path: `${at}kind`, message: 'the root of the tree is the city' }];
  }
  const parent = tree.unit(unit.parent);
  if (!parent) return [{ path, message: `no unit ${unit.parent}` }];
  if (parent.kind === 'supervision-office') return [{ path, message: `${parent.name} is a supervision office; units go under the unit it belongs to` }];
  if (tree.isWithin(unit.parent, unit.code)) return [{ path, message: `${unit.parent} lies under ${unit.code}: a unit cannot move under itself` }];
  return [];
}
