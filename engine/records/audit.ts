/** The hash-chained audit log of a case. */

import type { CaseStatus } from './case';

/** One entry of a case's hash-chained audit log; never updated or deleted. */
export interface AuditRecord {
  _id: string;
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  stepId: string | null;
  stepName: string | null;
  taskId: string | null;
  decision: string | null;
  comment: string | null;
  statusBefore: CaseStatus | null;
  statusAfter: CaseStatus;
  prevHash: string;
  hash: string;
}

/** One entry of a subject's trail; `subject` is the field naming whose trail it is (`username`, `unit`). */
export type TrailEntry<Subject extends string> = {
  /** `subject:seq`, eight digits: the unique claim of a place in the chain. */
  _id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** What changed, as canonical JSON. */
  detail: string;
  prevHash: string;
  hash: string;
} & Record<Subject, string>;
