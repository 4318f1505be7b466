import type { Models } from '../store/models';
import type { Actor } from '../users/actor';
import type { OrgDirectory } from './org-directory';
import { unitCodePattern, type UnitInput } from './unit-rules';

/** What migrating a flat list of departments does, or would do (dry run). */
export interface MigrationPlan {
  dryRun: boolean;
  root: { code: string; name: string; created: boolean };
  /** The departments found in users, groups, cases, cards, notices and models that become units under the root. */
  units: UnitInput[];
  /** Names that are no unit code (an odd group in a model), left as they are. */
  skipped: string[];
  /** Processes and drafts from before the tree, which become the root's. */
  processes: number;
  drafts: number;
}

/**
 * Brings a store from before the organisation tree into it: every department any record names
 * (users' departments and `role@department` groups, the departments cases passed through, cards,
 * notices, the groups of deployed models) becomes a unit under one city root, with its code kept
 * as it is, so nothing that names it changes: a department of supervisors becomes a supervision
 * office, any other a bureau, named by its code until an admin renames it. Processes and drafts
 * become the root's. Idempotent: a second run finds nothing left to do.
 */
export async function migrateFlatDepartments(models: Models, org: OrgDirectory, options: { rootCode: string; rootName: string; dryRun: boolean }, by: Actor): Promise<MigrationPlan> {
  const tree = await org.tree();
  const existingRoot = tree.root;
  const root = existingRoot ? { code: existingRoot._id, name: existingRoot.name, created: false } : { code: options.rootCode, name: options.rootName, created: true };
  const offices = new Set<string>(await models.users.distinct('department', { roles: 'supervisor', department: { $ne: null } }));
  const named = [...(await namedDepartments(models))].filter((code) => code !== root.code && !tree.has(code)).sort();
  const codes = named.filter((code) => unitCodePattern.test(code));
  const units: UnitInput[] = codes.map((code) => ({ code, name: code, kind: offices.has(code) ? 'supervision-office' : 'bureau', parent: root.code }));
  const unowned = { unit: { $exists: false } };
  const plan: MigrationPlan = { dryRun: options.dryRun, root, units, skipped: named.filter((code) => !codes.includes(code)), processes: (await models.definitions.distinct('key', unowned)).length, drafts: await models.drafts.countDocuments(unowned) };
  if (options.dryRun) return plan;
  const rows: UnitInput[] = [...(root.created ? [{ code: root.code, name: root.name, kind: 'city' as const, parent: null }] : []), ...units];
  if (rows.length > 0) await org.import(rows, by, { dryRun: false });
  await models.definitions.updateMany(unowned, { $set: { unit: root.code } });
  await models.drafts.updateMany(unowned, { $set: { unit: root.code } });
  return plan;
}

/** Every department code a record names. */
async function namedDepartments(models: Models): Promise<Set<string>> {
  const codes = new Set<string>();
  const add = (values: unknown[]) => values.forEach((value) => typeof value === 'string' && value !== '' && codes.add(value));
  add(await models.users.distinct('department'));
  add((await models.users.distinct('groups')).map(unitOfGroup));
  add(await models.cases.distinct('departments'));
  add(await models.alerts.distinct('department'));
  add(await models.notices.distinct('department'));
  for await (const definition of models.definitions.find({}, { 'catalogue.userTasks': 1 }).lean<Array<{ catalogue: { userTasks: Record<string, { candidateGroups: string[] }> } }>>().cursor()) {
    add(Object.values(definition.catalogue.userTasks).flatMap((task) => task.candidateGroups.map(unitOfGroup)));
  }
  return codes;
}

/** The unit of a `role@unit` group; an expression (`${…}`) names none. */
function unitOfGroup(group: unknown): string | undefined {
  const unit = typeof group === 'string' ? group.split('@')[1] : undefined;
  return unit && !unit.includes('$') && !unit.includes('{') ? unit : undefined;
}
