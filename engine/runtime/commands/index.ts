export { StartCase, type StartCaseInput, type StartedCase } from './start-case';
export { CompleteTask, type CompleteTaskInput, type CompletedTask } from './complete-task';
export { ClaimTask, UnclaimTask, type ClaimedTask } from './claim-task';
export { WithdrawCase, type WithdrawnCase } from './withdraw-case';
export { TaskNotOpenError } from './case-guards';
export { PauseClock, ResumeClock, type ClockAnswer } from './pause-clock';
export { ExtendClock } from './extend-clock';
export { RaiseDeadlineAlert, type RaisedAlert } from './raise-deadline-alert';
export { CloseAlert } from './close-alert';
