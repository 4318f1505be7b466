export { receiptNumbers } from './receipt-numbers';
export { mayReadCase } from './case-access';
export { caseView, progressView, type CaseView, type ProgressView } from './case-views';
