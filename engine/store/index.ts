export { Store, type StoreCommandListener } from './store';
export type { Models } from './models';
export { CaseLedger } from './case-ledger';
export { isDuplicateKey } from './duplicate-key';
export { insertOnce, replaceIfNewer } from './projection-writes';
export type { Collections } from './collections';
export { pagedFind, type Page } from './paged-find';
