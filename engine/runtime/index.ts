export { Executor, type ExecutorOptions, type RunOptions } from './executor';
export { IncidentDesk } from './incident-desk';
export { caseIdOfTask } from './advance-case';
export * from './commands';
export type { Effect } from '../records';
export type { CaseCommand } from './command';
export { engineTrail } from './engine-trail';
