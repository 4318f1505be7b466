export { Executor, type ExecutorOptions } from './executor';
export { caseIdOfTask } from './advance-case';
export * from './commands';
export type { Effect } from '../records';
export type { CaseCommand } from './command';
export { engineTrail } from './engine-trail';
