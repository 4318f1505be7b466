/** The shapes of GET /api/cases/{id} and GET /api/cases/{id}/diagram (engine/cases/case-views.ts, engine/govflow.ts). */
import type { RatingView } from '../../../../engine/ratings/rating-view';
import type { AsJson, RatingStage, RequestedMaterial, SupplementRequest as StoredSupplementRequest } from '../../../../engine/records';
import type { Names } from '../../shared/names';
import type { Attachment, CaseStatus, ClockState, ClockView, Opinion } from '../inbox/inbox-types';

export type { RatingStage, RatingView, RequestedMaterial };

/** A 补正 asked of the applicant (一次性告知); who asked is left out of the applicant's view. */
export type SupplementRequest = AsJson<Omit<StoredSupplementRequest, 'askedBy'>> & { askedBy?: string };

export interface CurrentStep {
  taskId: string;
  stepId: string;
  name: string;
  assignee: string | null;
  candidateGroups: string[];
  since: string;
  clock: ClockView | null;
}

/** One entry of the audit log; the applicant sees no actor, decision or comment. */
export interface HistoryItem {
  at: string;
  action: string;
  stepName: string | null;
  statusAfter: CaseStatus;
  actor?: string;
  decision?: string | null;
  comment?: string | null;
}

export interface CaseView {
  id: string;
  /** The names of the people and units the case mentions. */
  names: Names;
  processKey: string;
  /** The process's name as its version was deployed (GET /api/cases/{id} only; lists leave it out). */
  processName?: string;
  version: number;
  title: string;
  receiptNo: string;
  queryCode?: string;
  status: CaseStatus;
  applicant: string;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
  clock: ClockView | null;
  currentSteps: CurrentStep[];
  /** Steps other departments' systems are doing; who holds them and their failures for staff only. */
  externalSteps: Array<{ taskId: string; stepId: string; name: string; since: string; topic?: string; lockedBy?: string | null; retries?: number | null; lastFailure?: string | null }>;
  /** The case that called this one (a call activity), and the cases this one calls now. */
  parent: { caseId: string; receiptNo: string; stepId: string } | null;
  children: Array<{ caseId: string; stepId: string; name: string; processKey: string; since: string }>;
  history: HistoryItem[];
  opinions: Opinion[];
  attachments: Attachment[];
  awaiting: string[];
  outcome: string[];
  acceptance: { kind: 'accepted' | 'deemed'; at: string } | null;
  supplementRequests: SupplementRequest[];
  /** 容缺受理: the materials the application was accepted without, due by a date, and when they came. */
  deferredMaterials: { materials: RequestedMaterial[]; acceptedAt: string; dueDate: string | null; handedInAt: string | null } | null;
  /** The applicant's ratings (好差评) with their follow-ups. */
  ratings: RatingView[];
  /** In the applicant's own view: the stages they may rate now. */
  rateable?: RatingStage[];
  countersigns?: Array<{ stepId: string; rule: string; signers: string[]; votes: Array<{ signer: string; by: string; decision: string; comment: string | null; at: string }> }>;
}

/** The case on its diagram: the model's XML, the elements passed, the steps open now and their urgency. */
export interface CaseDiagram {
  caseId: string;
  processKey: string;
  version: number;
  xml: string;
  trail: string[];
  current: Array<{ stepId: string; name: string; state: ClockState | null }>;
}
