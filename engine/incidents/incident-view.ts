import type { IncidentRecord, IncidentResolution, IncidentStatus } from '../records';

/** An incident as the board lists it: names where a person reads it, ids where a client links. */
export interface IncidentView {
  id: string;
  status: IncidentStatus;
  /** Null for a case start that failed: no case was created. */
  caseId: string | null;
  caseTitle: string;
  receiptNo: string | null;
  processKey: string;
  version: number;
  processName: string;
  elementId: string;
  elementName: string;
  command: string;
  /** Who ran the failed command. */
  actor: string;
  error: string;
  openedAt: string;
  /** The last failure. */
  at: string;
  attempts: number;
  /** An administrator may re-run the command as recorded. */
  retryable: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: IncidentResolution | null;
}

export function incidentView(record: IncidentRecord): IncidentView {
  return {
    id: record._id,
    status: record.status,
    caseId: record.caseId,
    caseTitle: record.caseTitle,
    receiptNo: record.receiptNo,
    processKey: record.processKey,
    version: record.version,
    processName: record.processName,
    elementId: record.elementId,
    elementName: record.elementName,
    command: record.command,
    actor: record.actor,
    error: record.lastError,
    openedAt: new Date(record.openedAt).toISOString(),
    at: new Date(record.at).toISOString(),
    attempts: record.attempts,
    retryable: record.status === 'open' && record.caseId !== null && record.input !== null && record.input !== undefined,
    resolvedBy: record.resolvedBy,
    resolvedAt: record.resolvedAt ? new Date(record.resolvedAt).toISOString() : null,
    resolution: record.resolution,
  };
}
