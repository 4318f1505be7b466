export { ExternalTaskNotOpenError } from './external-task-guards';
export { LockExternalTask, ExtendExternalTaskLock, UnlockExternalTask, type LockOutcome } from './lock-external-task';
export { CompleteExternalTask, ReportBpmnError, type BpmnErrorReport, type CompletedExternalTask } from './complete-external-task';
export { FailExternalTask, RetryExternalTask, type FailedExternalTask, type FailureReport } from './fail-external-task';
