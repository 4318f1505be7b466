export { projectTasks } from './task-projector';
export { isCandidate, mayAct, departmentsOf, inboxFilter } from './task-access';
export { byUrgency, taskView, type TaskView } from './task-view';
export { countersignOutcome, collectiveDecision, resolveSigners, signerActors, type Countersign, type CountersignVote, type CountersignOutcome } from './countersign';
export { formProblems } from './form-validation';
