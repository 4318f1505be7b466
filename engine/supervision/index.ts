export { alertForDeadline, alertId, settleAlerts } from './alert-rules';
export { alertRecord, projectAlert } from './alert-projector';
