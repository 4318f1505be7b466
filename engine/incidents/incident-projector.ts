import type { Collections } from '../store/collections';
import { replaceIfNewer } from '../store/projection-writes';
import type { CaseIncident, CaseRecord, IncidentRecord } from '../records';

/** The projection document of a case's incident at a revision, with what the board lists it by. */
export function incidentRecord(record: CaseRecord, { id, ...incident }: CaseIncident, rev: number): IncidentRecord {
  return { ...incident, _id: id, caseId: record._id, caseTitle: record.title, departments: record.departments, receiptNo: record.receiptNo, processKey: record.processKey, version: record.version, caseRev: rev };
}

/** Applies incident.upsert effects; an older revision never overwrites a newer one. */
export function projectIncidents(collections: Collections, incidents: IncidentRecord[]): Promise<void> {
  return replaceIfNewer(collections.incidents, incidents, 'caseRev');
}
