export { receiptNumbers } from './receipt-numbers';
export { caseHead, projectCaseHead } from './case-head';
export { mayReadCase } from './case-access';
export { caseView, progressView, type CaseView, type ProgressView } from './case-views';
