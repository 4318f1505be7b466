export { receiptNumbers } from './receipt-numbers';
export { caseHead, projectCaseHead } from './case-head';
export { caseAccess, caseListFilter, mayReadCase, type CaseAccess } from './case-access';
export { assertCopyRecipients } from './copy-recipients';
export { caseMentions, caseView, opinionsFor, progressView, type CaseView, type OpinionView, type ProgressView } from './case-views';
export { withAttachments, type NewAttachment } from './attachments';
export { materialProblems } from './materials';
export { answered, askedSupplement, assertAnswers, openSupplementRequest, supplementProblems, type AskingStep } from './supplement-requests';
export { deferredAtAcceptance, deferredClockKey, deferredNotice, deferredRefusal, outstandingMaterials } from './deferred-materials';
