import type { Jurisdiction } from '../org/org-tree';
import type { Role } from '../records';

/** Who runs a command: taken from a verified token by the API, or named by the CLI. */
export interface Actor {
  username: string;
  roles: Role[];
  department: string | null;
  groups: string[];
  /** For a machine client (the `system` role): the external-task topics it may fetch and work. */
  topics?: string[];
  /**
   * The units whose cases, cards, users and processes the actor oversees (their unit's subtree,
   * see OrgTree.jurisdictionOf), set from the tree with the account on every request; absent on
   * govflow's own actors and the CLI's, which work at the city level.
   */
  jurisdiction?: Jurisdiction;
}

/** The actor for work done by govflow itself (outbox repair, start-up jobs). */
export const systemActor: Actor = { username: 'system', roles: ['admin'], department: null, groups: [] };

/**
 * govflow acting as a machine client of every topic: it delivers the messages cases throw and
 * starts the cases a schedule starts, so processes that start on those are started by `system`.
 */
export const systemClient: Actor = { username: 'system', roles: ['system'], department: null, groups: [], topics: ['*'] };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/**
 * A leader's 本部门: their own unit and, once there is a tree, the sections and windows under it
 * (their jurisdiction lists them). Before the tree, or for a leader without a unit, nothing more.
 */
export function leads(actor: Actor, unit: string | null | undefined): boolean {
  if (!hasRole(actor, 'leader') || actor.department === null || !unit) return false;
  return unit === actor.department || (Array.isArray(actor.jurisdiction) && actor.jurisdiction.includes(unit));
}

/** A machine client works the external tasks of its topics only; `*` grants every topic. */
export function mayServeTopic(actor: Actor, topic: string): boolean {
  return hasRole(actor, 'system') && (actor.topics ?? []).some((granted) => granted === topic || granted === '*');
}
