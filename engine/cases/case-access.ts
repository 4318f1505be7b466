import { jurisdictionOfActor } from '../org/org-directory';
import { covers } from '../org/org-tree';
import type { CaseHead } from '../records';
import { mayAct } from '../tasks';
import { actorKeys } from '../users/audience-keys';
import { hasRole, leads, type Actor } from '../users/actor';
import { caseStaffRoles } from '../users/roles';

/**
 * Why an actor may read a case: `oversight` (supervisors and admins, the cases of their
 * jurisdiction: one of its departments lies there), `applicant`
 * (their own), `handler` (clerks and leaders of a department that held a step of it, or who may
 * act on one of its open steps), `copy` (it was copied to them or a group of theirs: read only).
 */
export type CaseAccess = 'oversight' | 'applicant' | 'handler' | 'copy';

/**
 * The strongest reason the actor may read the case, or null. A copy counts only while the actor
 * has a staff role: what a copy lets them read follows their role now, so a copy made to an
 * applicant (before copies were checked) or to someone demoted since grants nothing.
 */
export function caseAccess(actor: Actor, record: CaseHead): CaseAccess | null {
  if (hasRole(actor, 'supervisor', 'admin') && oversees(actor, record)) return 'oversight';
  if (record.applicant === actor.username) return 'applicant';
  if (hasRole(actor, 'clerk', 'leader') && (record.departments.some((department) => department === actor.department || leads(actor, department)) || record.openTasks.some((task) => mayAct(task, actor)))) return 'handler';
  return isCopiedTo(actor, record) ? 'copy' : null;
}

/** The case passed through a unit the actor oversees; a city-level actor oversees every case, even one no department has held yet. */
export function oversees(actor: Actor, record: Pick<CaseHead, 'departments'>): boolean {
  const jurisdiction = jurisdictionOfActor(actor);
  return jurisdiction === 'all' || record.departments.some((department) => covers(jurisdiction, department));
}

/** Who may read a case (GET /cases/{id}, its diagram, its tasks' details). */
export function mayReadCase(actor: Actor, record: CaseHead): boolean {
  return caseAccess(actor, record) !== null;
}

/** Staff read the cases copied to them or to one of their groups; nobody else does. */
function isCopiedTo(actor: Actor, record: CaseHead): boolean {
  if (!readsCopies(actor)) return false;
  const copied = record.copiedTo ?? { users: [], groups: [] };
  return copied.users.includes(actor.username) || copied.groups.some((group) => actor.groups.includes(group));
}

function readsCopies(actor: Actor): boolean {
  return hasRole(actor, ...caseStaffRoles);
}

/**
 * The filter of a case list: an applicant's own cases, or the ones copied to the actor, to them
 * by name or to one of their groups (the head's copyKeys, so one index serves both); none for
 * someone without a staff role, whom no copy entitles.
 */
export function caseListFilter(actor: Actor, scope: 'mine' | 'copied'): Record<string, unknown> {
  return scope === 'mine' ? { applicant: actor.username } : { copyKeys: { $in: readsCopies(actor) ? actorKeys(actor) : [] } };
}
