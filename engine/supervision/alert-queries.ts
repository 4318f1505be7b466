import { ForbiddenError } from '../errors';
import { jurisdictionOfActor } from '../org/org-directory';
import { jurisdictionFilter } from '../org/org-tree';
import type { AlertKind, AlertLevel, AlertRecord, AlertStatus } from '../records';
import { hasRole, type Actor } from '../users/actor';

export interface AlertFilter {
  level?: AlertLevel;
  kind?: AlertKind;
  department?: string;
  process?: string;
  status?: AlertStatus;
  /** Raised at or after. */
  from?: Date;
  /** Raised before. */
  to?: Date;
}

/**
 * The alerts an actor may see, as a MongoDB filter: a supervision office (and admins) the
 * alerts of the units in its jurisdiction (the city's every alert), a leader those of their unit
 * and the units under it (本部门), other staff their department's, anyone else nothing.
 */
export function alertVisibility(actor: Actor): Record<string, unknown> {
  if (hasRole(actor, 'supervisor', 'admin')) return jurisdictionFilter(jurisdictionOfActor(actor), 'department');
  if (hasRole(actor, 'leader') && actor.department && Array.isArray(actor.jurisdiction)) return { department: { $in: [...actor.jurisdiction] } };
  if (hasRole(actor, 'clerk', 'leader') && actor.department) return { department: actor.department };
  throw new ForbiddenError('alerts are for the supervision office and the departments concerned');
}

/** The query filter for a visible, filtered alert list. */
export function alertQuery(actor: Actor, filter: AlertFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.level) query.level = filter.level;
  if (filter.kind) query.kind = filter.kind;
  if (filter.department) query.department = filter.department;
  if (filter.process) query.processKey = filter.process;
  if (filter.status) query.status = filter.status;
  if (filter.from || filter.to) query.raisedAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return { ...query, ...alertVisibility(actor) };
}

/** An alert as the API shows it, its department by name too. */
export function alertView({ _id, caseRev: _rev, ...alert }: AlertRecord, nameOf: (unit: string) => string): Omit<AlertRecord, '_id' | 'caseRev'> & { id: string; departmentName: string | null } {
  return { id: _id, ...alert, departmentName: alert.department ? nameOf(alert.department) : null };
}

/** The case an alert id belongs to: ids are `level~caseId~clock`. */
export function caseIdOfAlert(alertId: string): string {
  return alertId.split('~')[1] ?? '';
}
