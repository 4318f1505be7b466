export { receiptNumbers } from './receipt-numbers';
export { caseHead, projectCaseHead } from './case-head';
export { caseListFilter, mayReadCase } from './case-access';
export { caseView, opinionsFor, progressView, type CaseView, type OpinionView, type ProgressView } from './case-views';
export { withAttachments, type NewAttachment } from './attachments';
