/** Incidents (Camunda's word): failures of the process engine while a command ran, kept in the case and projected for the board. */

/** open: the command still fails or was not tried again; resolved: it went through, or an administrator closed it. */
export type IncidentStatus = 'open' | 'resolved';

/**
 * How an incident ended: an administrator's retry went through, the same command at the same
 * step went through later (the clerk tried again after a fix), the case ended, or an
 * administrator closed it without a retry.
 */
export type IncidentResolution = 'retried' | 'succeeded-later' | 'case-ended' | 'closed';

/**
 * A failure inside the process engine while a command ran on a case: the element, the engine's
 * error, the command as it was given (so a retry can rebuild it) and how often it failed. One
 * stays open per element and command of a case; the same failure again counts an attempt.
 */
export interface CaseIncident {
  id: string;
  /** The BPMN element the engine failed at, and its name in the model. */
  elementId: string;
  elementName: string;
  /** The step the failed command acted at (the task completed, the timer fired, the message awaited); null when it names none. */
  stepId: string | null;
  /** The process's name, for the board. */
  processName: string;
  /** The command's name (CompleteTask, FireTimer, …). */
  command: string;
  /** The command's input as JSON, for a retry to rebuild it; null when a retry cannot (or, once resolved, need not). */
  input: unknown;
  /** Who ran the command: a retry runs it as them again. */
  actor: string;
  lastError: string;
  openedAt: Date;
  /** The last failure. */
  at: Date;
  attempts: number;
  status: IncidentStatus;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolution: IncidentResolution | null;
}

/**
 * The incidents projection, for the board of administrators and the supervision office. A case
 * start that failed has no case: `caseId` and `receiptNo` are null, `caseTitle` is the
 * application's, and it is written directly rather than from a case revision (`caseRev` 0).
 */
export type IncidentRecord = Omit<CaseIncident, 'id'> & {
  _id: string;
  caseId: string | null;
  caseTitle: string;
  /** The departments the case passed through, so a district's office lists its own; absent on a failed start. */
  departments?: string[];
  receiptNo: string | null;
  processKey: string;
  version: number;
  caseRev: number;
};
