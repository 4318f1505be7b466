import type { CaseRecord, ExternalTask, ExternalTaskRecord } from '../records';

/** An external task as fetch-and-lock hands it to a worker: what to do, for which case, with which variables, until when. */
export interface LockedExternalTask {
  id: string;
  topic: string;
  workerId: string;
  /** ISO time the lock ends; complete, fail or extend before then. */
  lockExpiresAt: string;
  caseId: string;
  receiptNo: string;
  processKey: string;
  processVersion: number;
  stepId: string;
  name: string;
  /** Retries left as the last failure set them; null before any failure. */
  retries: number | null;
  /** The last failure's message, when a worker reported one. */
  errorMessage: string | null;
  variables: Record<string, unknown>;
  createdAt: string;
}

export function lockedView(record: CaseRecord, task: ExternalTask, variables: Record<string, unknown>): LockedExternalTask {
  return {
    id: task.id,
    topic: task.topic,
    workerId: task.lock?.workerId ?? '',
    lockExpiresAt: task.lock?.until.toISOString() ?? '',
    caseId: record._id,
    receiptNo: record.receiptNo,
    processKey: record.processKey,
    processVersion: record.version,
    stepId: task.stepId,
    name: task.name,
    retries: task.retries,
    errorMessage: task.failure?.message ?? null,
    variables,
    createdAt: task.createdAt.toISOString(),
  };
}

/** An external task as administrators list it (no variables: those are the case's). */
export interface ExternalTaskView {
  id: string;
  caseId: string;
  receiptNo: string;
  processKey: string;
  stepId: string;
  name: string;
  topic: string;
  status: ExternalTaskRecord['status'];
  lockedBy: string | null;
  lockExpiresAt: string | null;
  retries: number | null;
  errorMessage: string | null;
  createdAt: string;
}

export function externalTaskView(record: ExternalTaskRecord): ExternalTaskView {
  return {
    id: record._id,
    caseId: record.caseId,
    receiptNo: record.receiptNo,
    processKey: record.processKey,
    stepId: record.stepId,
    name: record.name,
    topic: record.topic,
    status: record.status,
    lockedBy: record.lock ? `${record.lock.client}/${record.lock.workerId}` : null,
    lockExpiresAt: record.lock ? new Date(record.lock.until).toISOString() : null,
    retries: record.retries,
    errorMessage: record.failure?.message ?? null,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
