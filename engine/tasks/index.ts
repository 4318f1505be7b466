export { projectTask } from './task-projector';
export { isCandidate, mayAct, departmentsOf, inboxFilter } from './task-access';
export { byUrgency, taskView, type TaskView } from './task-view';
