import type { ProblemDetail } from '../errors';
import { unitCode } from '../org/unit-rules';
import type { Role } from '../records';
import { roles as knownRoles } from './roles';

/** What a user may do: their roles, department and candidate groups, as given by an admin or the CLI. */
export interface UserAccess {
  roles: string[];
  department?: string | null;
  groups?: string[];
}

const personRoles = knownRoles.filter((role) => role !== 'system');

/** A candidate group: a role at a unit, `role@unit`. */
export const groupPattern = new RegExp(`^[a-z0-9][a-z0-9._-]*@${unitCode}$`, 'i');

/** Why `access` cannot be given to a user: no or unknown roles, malformed groups; empty when it can. */
export function accessProblems(access: UserAccess): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const unknown = access.roles.filter((role) => !knownRoles.includes(role as Role));
  if (access.roles.length === 0 || unknown.length > 0) problems.push({ path: 'roles', message: `must be some of ${personRoles.join(', ')}` });
  else if (access.roles.includes('system')) problems.push({ path: 'roles', message: 'the system role belongs to machine clients, issued with their topics (POST /api/clients, govflow client add)' });
  const badGroups = (access.groups ?? []).filter((group) => !groupPattern.test(group));
  if (badGroups.length > 0) problems.push({ path: 'groups', message: `each group is role@department; bad: ${badGroups.join(', ')}` });
  return problems;
}
