import type { Attachment, CaseStatus, Opinion, RatingStage, RequestedMaterial } from '../records';
import type { ClockView } from '../clocks/clock-view';
import type { RatingView } from '../ratings/rating-view';
import type { Names } from '../users/names';

/*
 * The shapes of a case as the API answers it (GET /api/cases/{id}, the lists, the public
 * progress): Node-free, so the pages read them through engine/api-types.ts.
 */

export interface CurrentStep {
  taskId: string;
  stepId: string;
  name: string;
  assignee: string | null;
  candidateGroups: string[];
  since: string;
  clock: ClockView | null;
}

/** A step another department's system is doing (an external task); who holds it and its failures are for staff only. */
export interface ExternalStep {
  taskId: string;
  stepId: string;
  name: string;
  since: string;
  topic?: string;
  lockedBy?: string | null;
  retries?: number | null;
  lastFailure?: string | null;
}

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
  processKey: string;
  version: number;
  title: string;
  receiptNo: string;
  queryCode?: string;
  status: CaseStatus;
  applicant: string;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
  /** The case clock (promised, else statutory limit), once started. */
  clock: ClockView | null;
  currentSteps: CurrentStep[];
  /** Steps other departments' systems are doing now. */
  externalSteps: ExternalStep[];
  /** For a case a call activity started: the calling case. */
  parent: { caseId: string; receiptNo: string; stepId: string } | null;
  /** The cases this case's call activities run now. */
  children: Array<{ caseId: string; stepId: string; name: string; processKey: string; since: string }>;
  history: HistoryItem[];
  /** Opinions given with decisions; the applicant sees only those the process makes public, without names. */
  opinions: OpinionView[];
  /** The application's and the steps' documents, by metadata. */
  attachments: Attachment[];
  /** Messages the case waits for, e.g. `supplement` while the applicant is asked for more materials. */
  awaiting: string[];
  /** What a completed case came to: the end events it reached, by name (准予许可, 不予受理 …). */
  outcome: string[];
  /** Since when the application counts as accepted, and whether by the acceptance step or deemed so (许可法§32). */
  acceptance: AcceptanceView | null;
  /** The 补正 asked of the applicant (一次性告知), oldest first, as the step wrote them; the applicant's view leaves out who asked. */
  supplementRequests: SupplementRequestView[];
  /** 容缺受理: the materials the application was accepted without, due by a date, and when they came. */
  deferredMaterials: DeferredMaterialsView | null;
  /** The applicant's ratings (好差评) and their follow-ups. */
  ratings: RatingView[];
  /** In the applicant's own view: the stages they may rate now. */
  rateable?: RatingStage[];
  /** Running countersigns with their signers and votes; staff only. */
  countersigns?: Array<{ stepId: string; rule: string; signers: string[]; votes: Array<{ signer: string; by: string; decision: string; comment: string | null; at: string }> }>;
}

export interface DeferredMaterialsView {
  materials: RequestedMaterial[];
  acceptedAt: string;
  dueDate: string | null;
  handedInAt: string | null;
}

export interface AcceptanceView {
  kind: 'accepted' | 'deemed';
  at: string;
}

export interface SupplementRequestView {
  stepId: string;
  stepName: string;
  askedAt: string;
  askedBy?: string;
  materials: RequestedMaterial[];
  note: string | null;
  answeredAt: string | null;
}

export type OpinionView = Pick<Opinion, 'stepId' | 'stepName' | 'decision' | 'text'> & { at: string; by?: string };

export interface ProgressView {
  receiptNo: string;
  status: CaseStatus;
  currentSteps: string[];
  /** Messages the case waits for, e.g. `supplement`. */
  awaiting: string[];
  /** The opinions the process makes public, e.g. a denial's reasons. */
  opinions: OpinionView[];
  /** The day the case is due, once its clock runs (China time, YYYY-MM-DD). */
  dueDate: string | null;
  /** What a completed case came to: the end events it reached, by name (准予许可, 不予受理 …). */
  outcome: string[];
  /** Since when the application counts as accepted, and how. */
  acceptance: AcceptanceView | null;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}

/** A case as GET /api/cases/{id} answers it: with its process's name and the names of the people and units it mentions. */
export type CaseDetail = CaseView & { processName: string; names: Names };

/** A case on its diagram: the model of its version, the elements it passed, and where it waits now. */
export interface CaseDiagram {
  caseId: string;
  processKey: string;
  version: number;
  xml: string;
  /** Activities completed and sequence flows taken at least once. */
  trail: string[];
  /** The steps open now, with how urgent their clocks are. */
  current: Array<{ stepId: string; name: string; state: ClockView['state'] | null }>;
}
