import type { CaseIncident, CaseRecord, IncidentResolution } from '../records';

/** A failure inside the process engine, as the executor describes it for the record: what the incident keeps, and the engine's error. */
export type Failure = Pick<CaseIncident, 'elementId' | 'elementName' | 'stepId' | 'processName' | 'command' | 'input' | 'actor'> & { error: string };

/** A command that went through: its name, the step it acted at, who ran it, and the incident it retried, if it was a retry. */
export interface Success {
  command: string;
  stepId: string | null;
  actor: string;
  at: Date;
  retry?: { incidentId: string; by: string };
}

/** The incidents of a case; none on a revision written before incidents were kept. */
export function incidentsOf(record: Pick<CaseRecord, 'incidents'>): CaseIncident[] {
  return record.incidents ?? [];
}

/** Whether any incident of the case is open; in memory, so every command may ask. */
export function hasOpenIncidents(record: Pick<CaseRecord, 'incidents'>): boolean {
  return incidentsOf(record).some((item) => item.status === 'open');
}

/** An incident's id: the case and the revision that recorded it first. */
export function incidentId(caseId: string, rev: number): string {
  return `incident~${caseId}~${rev}`;
}

/**
 * The case with a failure recorded in its next revision: the open incident of the same element
 * and command counts another attempt (the latest input and actor are the ones a retry re-runs);
 * otherwise a new incident opens. Nothing else of the case changes.
 */
export function withFailure(current: CaseRecord, failure: Failure, at: Date): { next: CaseRecord; incident: CaseIncident; recurred: boolean } {
  const incidents = incidentsOf(current);
  const open = incidents.find((item) => item.status === 'open' && item.elementId === failure.elementId && item.command === failure.command);
  const { error, ...fields } = failure;
  const incident: CaseIncident = open
    ? { ...open, ...fields, lastError: error, at, attempts: open.attempts + 1 }
    : { id: incidentId(current._id, current.rev + 1), ...fields, lastError: error, openedAt: at, at, attempts: 1, status: 'open', resolvedBy: null, resolvedAt: null, resolution: null };
  const next = { ...current, incidents: open ? incidents.map((item) => (item === open ? incident : item)) : [...incidents, incident] };
  return { next, incident, recurred: open !== undefined };
}

/**
 * The incidents a command that went through settles: the one it retried, those of the same
 * command at the same step (the clerk tried again after a fix), and every open one once the
 * case has ended. A case without open incidents — nearly every case — comes back as it was:
 * the check every command pays is this look at the case in memory, no store round trip.
 */
export function settleIncidents(next: CaseRecord, success: Success): { next: CaseRecord; resolved: CaseIncident[] } {
  if (!hasOpenIncidents(next)) return { next, resolved: [] };
  const incidents = incidentsOf(next);
  const resolved: CaseIncident[] = [];
  const settled = incidents.map((item) => {
    const resolution = item.status === 'open' ? resolutionFor(item, next, success) : null;
    if (!resolution) return item;
    const done = resolve(item, resolution === 'retried' ? (success.retry?.by ?? success.actor) : success.actor, success.at, resolution);
    resolved.push(done);
    return done;
  });
  return resolved.length === 0 ? { next, resolved } : { next: { ...next, incidents: settled }, resolved };
}

function resolutionFor(incident: CaseIncident, next: CaseRecord, success: Success): IncidentResolution | null {
  if (success.retry?.incidentId === incident.id) return 'retried';
  if (success.stepId !== null && incident.command === success.command && incident.stepId === success.stepId) return 'succeeded-later';
  return next.status === 'running' ? null : 'case-ended';
}

/** The case with one incident resolved; null when it has no such incident, unchanged when it is resolved already. */
export function withIncidentResolved(current: CaseRecord, id: string, by: string, at: Date, resolution: IncidentResolution): { next: CaseRecord; incident: CaseIncident } | null {
  const incident = incidentsOf(current).find((item) => item.id === id);
  if (!incident) return null;
  if (incident.status === 'resolved') return { next: current, incident };
  const done = resolve(incident, by, at, resolution);
  return { next: { ...current, incidents: incidentsOf(current).map((item) => (item === incident ? done : item)) }, incident: done };
}

/** A resolved incident forgets the command's input: nothing will re-run it, and the case stays small. */
function resolve(incident: CaseIncident, by: string, at: Date, resolution: IncidentResolution): CaseIncident {
  return { ...incident, status: 'resolved', resolvedBy: by, resolvedAt: at, resolution, input: null };
}
