import { randomUUID } from 'node:crypto';
import type { Collections } from '../store/collections';
import type { IncidentRecord } from '../records';
import type { Failure } from './case-incidents';

/** A case start that failed: the failure, and what the application was. */
export interface StartFailure extends Failure {
  processKey: string;
  version: number;
  /** The application's title; there is no case to take it from. */
  caseTitle: string;
}

/** One open incident per process version, element and command: its id names them. */
export function startIncidentId(failure: Pick<StartFailure, 'processKey' | 'version' | 'elementId' | 'command'>): string {
  return `incident~${failure.command}~${failure.processKey}~${failure.version}~${failure.elementId}`;
}

/**
 * Records a case start that failed inside the process engine. No case exists, so there is no
 * revision to carry it: the incident is written directly (the open one of the same process
 * version and element counts another attempt, a resolved one opens again) and audited in the
 * log of administrative changes. Without isolated updates (FerretDB), two starts failing in the
 * same instant may count one attempt between them; the record itself is never lost.
 */
export async function recordStartIncident(collections: Collections, failure: StartFailure, at: Date): Promise<IncidentRecord> {
  const id = startIncidentId(failure);
  const stored = await collections.incidents.findOne({ _id: id });
  const { error, ...fields } = failure;
  const open = stored?.status === 'open' ? stored : null;
  const record: IncidentRecord = {
    ...fields,
    _id: id,
    caseId: null,
    receiptNo: null,
    lastError: error,
    openedAt: open?.openedAt ?? at,
    at,
    attempts: (open?.attempts ?? 0) + 1,
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
    resolution: null,
    caseRev: 0,
  };
  const detail = `${failure.processKey} v${failure.version}, ${failure.elementName} (${failure.elementId}): ${error}`;
  await Promise.all([
    collections.incidents.replaceOne({ _id: id }, record, { upsert: true }),
    collections.adminLog.insertOne({ _id: randomUUID(), at, actor: failure.actor, action: open ? 'incident.recurred' : 'incident.opened', target: id, detail }),
  ]);
  return record;
}

/** An administrator closes a failed start's incident (it has no case to re-run on); audited like its opening. */
export async function closeStartIncident(collections: Collections, record: IncidentRecord, by: string, at: Date, note: string | undefined): Promise<void> {
  await Promise.all([
    collections.incidents.updateOne({ _id: record._id, status: 'open' }, { $set: { status: 'resolved', resolvedBy: by, resolvedAt: at, resolution: 'closed', input: null } }),
    collections.adminLog.insertOne({ _id: randomUUID(), at, actor: by, action: 'incident.closed', target: record._id, detail: note ?? '' }),
  ]);
}
