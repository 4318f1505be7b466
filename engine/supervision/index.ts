export { alertForDeadline, settleAlerts } from './alert-rules';
export { alertId } from '../deadlines';
export { caseItemRecord, projectAlerts, projectNotices, sendNotifications } from './alert-projector';
export { alertQuery, alertView, alertVisibility, caseIdOfAlert, type AlertFilter } from './alert-queries';
export { audienceQuery, noticeView, noticeVisibility, type NoticeStatus, type NoticeView } from './notice-queries';
export { computeFigures, figuresCsv, type FiguresGroupBy, type FiguresQuery, type FiguresRow } from './figures';
export { compliancePoints, deemedAcceptancePoint, type Completion } from './compliance-points';
export { unstaffedTasks, type UnstaffedTask } from './unstaffed-tasks';
