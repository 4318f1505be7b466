/** The organisation tree (目录服务): the units of the administration and the trail of their changes. */

import type { TrailEntry } from './audit';

/** What a unit is: the city, a district or county, a bureau, a section, a service window, a supervision office. */
export type UnitKind = 'city' | 'district' | 'bureau' | 'section' | 'window' | 'supervision-office';

/** One unit of the organisation tree; its code is what users' departments and `role@unit` groups name. */
export interface UnitRecord {
  /** The unit's stable code, e.g. `east-market-bureau`. */
  _id: string;
  /** Its Chinese name, e.g. 东城区市场监督管理局. */
  name: string;
  kind: UnitKind;
  /** The unit above it; null for the root, of which there is one. */
  parent: string | null;
  createdAt: Date;
  /** The newest entry of the unit's administration chain (unit_audit). */
  auditHead?: { seq: number; hash: string };
}

/** One entry of a unit's hash-chained administration trail (created, changed); never updated or deleted. */
export type UnitAuditRecord = TrailEntry<'unit'>;
