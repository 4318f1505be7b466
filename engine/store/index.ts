export { Store } from './store';
export type { Models } from './models';
export { CaseLedger } from './case-ledger';
export { isDuplicateKey } from './duplicate-key';
export { upsertIfNewer } from './upsert-if-newer';
export * from './records';
