import type { Audience } from '../records';
import { hasRole, type Actor } from './actor';

/**
 * Lists keyed by who may see an item (a task's claimants, a case's copies, a notification's
 * audience) store one flat array of keys and are read with `{field: {$in: actorKeys(actor)}}`:
 * one equality per key, which an index serves on MongoDB (multikey) and on the embedded store
 * (GIN, scripts/ferretdb), where an `$or` across fields would read the whole collection.
 */
export const userKey = (username: string): string => `user:${username}`;
export const groupKey = (group: string): string => `group:${group}`;

/** Every key the actor answers to: their name, candidate groups and roles, and their department if they are staff. */
export function actorKeys(actor: Actor): string[] {
  const department = hasRole(actor, 'clerk', 'leader') && actor.department ? [`department:${actor.department}`] : [];
  return [userKey(actor.username), ...actor.groups.map(groupKey), ...actor.roles.map((role) => `role:${role}`), ...department];
}

/** The keys of people and groups named directly (a task's candidates, a case's copies). */
export function peopleKeys(users: readonly string[], groups: readonly string[]): string[] {
  return [...users.map(userKey), ...groups.map(groupKey)];
}

/** The keys of a notification's audience: named users, a department's staff, everyone with a role. */
export function audienceKeys(audience: Audience): string[] {
  return [...(audience.users ?? []).map(userKey), ...(audience.department ? [`department:${audience.department}`] : []), ...(audience.role ? [`role:${audience.role}`] : [])];
}
