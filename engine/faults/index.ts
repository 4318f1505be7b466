export { isQueueUnavailable, isStoreUnavailable, within } from './service-faults';
