export { projectTasks } from './task-projector';
export { isCandidate, mayAct, departmentsOf } from './task-access';
export { doneMonths, inboxFilter, inboxKeys, ledUnits, doneCountFilter, openUnitsOf, readDoneList, type DonePage, type InboxScope } from './inbox';
export { monthRange, searchConditions, type WorkSearch } from './work-search';
export { byUrgency, taskMentions, taskView, type OpenedTask, type TaskView } from './task-view';
export { countersignOutcome, collectiveDecision, resolveSigners, signerActors, type Countersign, type CountersignVote, type CountersignOutcome } from './countersign';
export { formProblems } from './form-validation';
export { taskNotes, type TaskNote } from './task-notes';
