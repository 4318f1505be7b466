export { hasOpenIncidents, incidentsOf, settleIncidents, withFailure, withIncidentResolved, type Failure, type Success } from './case-incidents';
export { incidentRecord, projectIncidents } from './incident-projector';
export { incidentView, type IncidentView } from './incident-view';
export { closeStartIncident, recordStartIncident, type StartFailure } from './start-incidents';
