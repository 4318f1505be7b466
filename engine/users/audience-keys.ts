import { jurisdictionOfActor } from '../org/org-directory';
import type { Audience, Role } from '../records';
import { hasRole, type Actor } from './actor';

/**
 * Lists keyed by who may see an item (a task's claimants, a case's copies, a notification's
 * audience) store one flat array of keys and are read with `{field: {$in: actorKeys(actor)}}`:
 * one equality per key, which an index serves on MongoDB (multikey) and on the embedded store
 * (GIN, scripts/ferretdb), where an `$or` across fields would read the whole collection.
 */
export const userKey = (username: string): string => `user:${username}`;
export const groupKey = (group: string): string => `group:${group}`;

/** Roles whose notifications follow the jurisdiction: a district's office hears of its district only. */
const overseeingRoles: readonly Role[] = ['supervisor', 'admin'];

/**
 * Every key the actor answers to: their name, candidate groups and roles, and their department
 * if they are staff. An overseeing role below the city level answers, instead of to its role, to
 * `oversight:` each unit of its jurisdiction, which a role's notification about a unit carries.
 */
export function actorKeys(actor: Actor): string[] {
  const department = hasRole(actor, 'clerk', 'leader') && actor.department ? [`department:${actor.department}`] : [];
  const overseen = jurisdictionOfActor(actor);
  const scoped = (role: Role) => overseen !== 'all' && overseeingRoles.includes(role);
  const oversight = overseen !== 'all' && hasRole(actor, ...overseeingRoles) ? overseen.map((unit) => `oversight:${unit}`) : [];
  return [userKey(actor.username), ...actor.groups.map(groupKey), ...actor.roles.filter((role) => !scoped(role)).map((role) => `role:${role}`), ...department, ...oversight];
}

/** The keys of people and groups named directly (a task's candidates, a case's copies). */
export function peopleKeys(users: readonly string[], groups: readonly string[]): string[] {
  return [...users.map(userKey), ...groups.map(groupKey)];
}

/** The keys of a notification's audience: named users, a department's staff, everyone with a role (below the city level, those overseeing the unit it is about). */
export function audienceKeys(audience: Audience): string[] {
  const role = audience.role ? [`role:${audience.role}`, ...(audience.about ? [`oversight:${audience.about}`] : [])] : [];
  return [...(audience.users ?? []).map(userKey), ...(audience.department ? [`department:${audience.department}`] : []), ...role];
}
