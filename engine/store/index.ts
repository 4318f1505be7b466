export { Store } from './store';
export type { Models } from './models';
export * from './records';
