export { ExternalTaskService, type ExternalTaskServiceOptions, type FetchRequest } from './external-task-service';
export { TopicSignals } from './topic-signals';
export type { ExternalTaskView, LockedExternalTask } from './external-task-view';
export { externalTasksOf } from './case-external-tasks';
