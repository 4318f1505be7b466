export { alertForDeadline, alertId, settleAlerts } from './alert-rules';
export { alertRecord, projectAlert } from './alert-projector';
export { alertQuery, alertView, alertVisibility, caseIdOfAlert, type AlertFilter } from './alert-queries';
