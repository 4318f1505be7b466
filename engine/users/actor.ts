import type { Role } from '../records';

/** Who runs a command: taken from a verified token by the API, or named by the CLI. */
export interface Actor {
  username: string;
  roles: Role[];
  department: string | null;
  groups: string[];
}

/** The actor for work done by govflow itself (outbox repair, start-up jobs). */
export const systemActor: Actor = { username: 'system', roles: ['admin'], department: null, groups: [] };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
