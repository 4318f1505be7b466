export { Executor, type ExecutorOptions } from './executor';
export { caseIdOfTask } from './advance-case';
export * from './commands';
export type { Effect } from './effects';
export type { CaseCommand } from './command';
export { engineTrail } from './engine-trail';
