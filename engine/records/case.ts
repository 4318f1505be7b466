/** A case as govflow stores it: each revision (the truth), the head (its queryable projection), their claims and stubs. */

import type { Clock } from './clock';
import type { FormField } from './definition';
import type { Effect } from './effect';
import type { ExternalTask } from './external-task';
import type { CaseIncident } from './incident';
import type { CaseAlert, Notice } from './supervision';
import type { Countersign } from './task';

/** Why a case's clocks are paused: a special procedure (Licensing Law §45) or waiting for the applicant's supplement. */
export type PauseKind = 'special-procedure' | 'supplement';

/** Case status, per DESIGN.md's contract. */
export type CaseStatus = 'running' | 'completed' | 'withdrawn' | 'terminated';

/** A user task waiting in a case; the case document holds the truth, the tasks collection mirrors it. */
export interface OpenTask {
  id: string;
  /** bpmn-engine's execution id of the waiting activity, used to signal it. */
  executionId: string;
  stepId: string;
  name: string;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  decisions: string[];
  createdAt: Date;
  /** The step's clock when the model gives it a time limit. */
  clock: Clock | null;
  /** While delegated (委派): who owns the task and gets it back to confirm. */
  delegatedBy: string | null;
  /** The last urge (催办), to allow one an hour. */
  urgedAt: Date | null;
  /** The fields the step's form asks for, for clients to render and the API to check. */
  form: FormField[];
  /** For one signer's instance of a countersign: the countersign's execution and this signer. */
  countersign: { executionId: string; signer: string } | null;
  /** When someone first acted on it (claim, transfer, delegate); the step before may be withdrawn only until then. */
  handledAt: Date | null;
}

/** An opinion (审批意见) given with a decision; the applicant reads it only where the process makes it public. */
export interface Opinion {
  taskId: string;
  stepId: string;
  stepName: string;
  by: string;
  decision: string | null;
  text: string | null;
  /** The process lists this decision in govflow:publicDecisions (e.g. a denial's reasons). */
  public: boolean;
  at: Date;
}

/** A document handed in with a case or a step, referenced by metadata; the file itself lives in document storage. */
export interface Attachment {
  id: string;
  name: string;
  /** Media type, e.g. application/pdf. */
  type: string;
  size: number;
  /** `sha256:` and 64 hex digits, so a stored file can be checked against what was referenced. */
  checksum: string;
  /** Where document storage keeps the file (`files/<id>` for one govflow stores). */
  storageKey: string;
  /** The stored file (GET /api/files/{id}), when govflow keeps it. */
  fileId?: string;
  /** Which of the service's listed materials it is. */
  material?: string;
  /** The step it was handed in with; null for the application itself or a supplement. */
  stepId: string | null;
  taskId: string | null;
  addedBy: string;
  addedAt: Date;
}

/** The last completed step, which its handler may withdraw (撤回) while the next steps are untouched. */
export interface LastCompletion {
  taskId: string;
  stepId: string;
  name: string;
  by: string;
  at: Date;
  /** The tasks that completion opened; withdrawing cancels them. */
  nextTaskIds: string[];
}

/** A call activity waiting for the child case it runs (a case of the called process). */
export interface CalledCase {
  executionId: string;
  stepId: string;
  name: string;
  /** Derived from the parent and the call's execution, so starting it twice makes one child. */
  childId: string;
  processKey: string;
  /** The called version; null for the newest when the child starts. */
  version: number | null;
  /** The variables the child starts with, mapped when the call began. */
  input: Record<string, unknown>;
  startedAt: Date;
  /** How often an administrator started the call's child again (RestartCall); absent before the first. */
  restarts?: number;
}

/** The call activity of another case that a child case runs for. */
export interface ParentLink {
  caseId: string;
  receiptNo: string;
  executionId: string;
  stepId: string;
}

/** A message the case waits for: a message catch event, a boundary message event, a receive task. */
export interface AwaitedMessage {
  executionId: string;
  stepId: string;
  message: string;
}

/**
 * A case at one revision: engine state, open tasks and the outbox of effects its command caused.
 * Each command inserts the next revision (store/case-ledger); revisions are never rewritten.
 */
export interface CaseRecord {
  _id: string;
  processKey: string;
  version: number;
  title: string;
  applicant: string;
  receiptNo: string;
  queryCode: string;
  /** Hash of the start request, to tell a replay from a reuse of the same Idempotency-Key. */
  requestFingerprint: string | null;
  /** The key a message start gave the case (its sender's), by which later messages may find it. */
  businessKey?: string;
  status: CaseStatus;
  variables: Record<string, unknown>;
  /** bpmn-engine state, compacted and compressed (see runtime/engine-state-codec). */
  engineState: Uint8Array;
  openTasks: OpenTask[];
  /** Departments that held a step of the case; their staff may read it. */
  departments: string[];
  /** A decisive step was completed; the applicant can no longer withdraw. */
  decided: boolean;
  /** Steps completed so far, in order; compliance rules ask which were passed. */
  completedSteps: string[];
  /** Opinions given with decisions, in order. */
  opinions: Opinion[];
  attachments: Attachment[];
  /** Countersigns running now, with their votes. */
  countersigns: Countersign[];
  lastCompletion: LastCompletion | null;
  /** Messages the case waits for now (e.g. the applicant's supplement). */
  awaiting: AwaitedMessage[];
  /** Messages that start an event sub-process of the case, received while it runs. */
  messageSubscriptions?: string[];
  /** People and groups the case was copied to (抄送); they may read it. */
  copiedTo: { users: string[]; groups: string[] };
  /** The case clock (promised, else statutory limit), once started. */
  clock: Clock | null;
  /** How and since when the application counts as accepted: by the clock-start step, or deemed (许可法§32); absent until then. */
  acceptance?: Acceptance;
  /** The 补正 asked of the applicant, oldest first; absent before the first. */
  supplementRequests?: SupplementRequest[];
  /** 容缺受理: the materials accepted without, to follow within the guide's limit; absent when none were. */
  deferredMaterials?: DeferredMaterials;
  /** Why the clocks stand still, while they do. */
  pauseKind: PauseKind | null;
  /** Once completed: the end events it reached, by name (准予许可, 不予受理 …); absent on cases completed before outcomes were kept. */
  outcome?: Array<{ stepId: string; name: string }>;
  /** Yellow and red cards raised on the case's clocks. */
  alerts: CaseAlert[];
  /** Supervision notices sent about the case, with their replies; a poor rating's follow-up (整改) is one too. */
  notices: Notice[];
  /** The applicant's ratings (好差评), at most one per stage; absent before the first. */
  ratings?: Rating[];
  /** Call activities waiting for their child cases. */
  calls?: CalledCase[];
  /** For a child case: the parent's call activity it runs for. */
  parent?: ParentLink;
  /** External tasks waiting for another system's worker; absent on revisions written before they were run. */
  externalTasks?: ExternalTask[];
  /** BPMN timer events waiting in the engine; each has a durable job. */
  timers: Array<{ executionId: string; stepId: string; fireAt: Date }>;
  /** Failures of the process engine on this case, open and resolved; absent on revisions written before incidents were kept. */
  incidents?: CaseIncident[];
  /** Answers to requests that came with an Idempotency-Key, newest last, so a retry is answered without acting twice. */
  answered?: AnsweredRequest[];
  auditHead: { seq: number; hash: string };
  /** The effects of the command that made this revision; applied once its claim is cleared. */
  outbox: Effect[];
  rev: number;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
}

/** An application accepted: at the clock-start step, or deemed so when that step ran past its limit (许可法§32), from its receipt. */
export interface Acceptance {
  kind: 'accepted' | 'deemed';
  /** Accepted as of: the step's completion, or for a deemed acceptance the application's receipt. */
  at: Date;
  /** When govflow recorded it. */
  recordedAt: Date;
}

/** One material a 补正 asks for, and why, in the words of whoever asked (一次性告知). */
export interface RequestedMaterial {
  material: string;
  name: string;
  reason: string | null;
}

/**
 * A 补正 asked of the applicant (一次性告知): everything missing or wrong, listed at once by the
 * step that sent the case back; answered by handing in exactly the listed materials.
 */
export interface SupplementRequest {
  stepId: string;
  stepName: string;
  askedBy: string;
  askedAt: Date;
  materials: RequestedMaterial[];
  /** The opinion given with the request. */
  note: string | null;
  answeredAt: Date | null;
}

/** When the applicant rates the service (好差评): the window's at 受理, the whole handling after 办结. */
export type RatingStage = 'acceptance' | 'completion';

/** A rating of five levels, 5 非常满意 … 1 非常不满意 (GB/T 39735). */
export type RatingScore = 1 | 2 | 3 | 4 | 5;

/** The applicant's rating of one stage of the case, bound to the step and the department rated. */
export interface Rating {
  id: string;
  stage: RatingStage;
  score: RatingScore;
  comment: string | null;
  by: string;
  at: Date;
  stepId: string | null;
  stepName: string | null;
  department: string | null;
  /** The notice that follows a poor rating up (差评整改), to be answered by the department in its limit. */
  followUp: string | null;
}

/**
 * 容缺受理: the application was accepted without these required, non-essential materials; the
 * applicant hands them in within the clock's limit (the guide's supplementLimit), or the
 * application is refused when it runs out. The decision waits for them.
 */
export interface DeferredMaterials {
  materials: RequestedMaterial[];
  acceptedAt: Date;
  clock: Clock;
  handedInAt: Date | null;
}

/** A keyed request a case took: whose key, which command, what was asked and what was answered. */
export interface AnsweredRequest {
  id: string;
  command: string;
  fingerprint: string;
  result: unknown;
  at: Date;
}

/** A stored revision: the case's state keyed by case and revision. */
export type CaseRevisionRecord = Omit<CaseRecord, '_id'> & { _id: string; caseId: string };

/** The cases collection: the latest revision without engine state and outbox, for queries and views. */
export type CaseHead = Omit<CaseRecord, 'engineState' | 'outbox' | 'answered'> & {
  /** Whom the case was copied to, as `user:`/`group:` keys (users/audience-keys), for their "copied to me" list. */
  copyKeys?: string[];
  /** While running, the messages it receives as `name` and `name|key` (its receipt number, its business key), for correlation. */
  messageKeys?: string[];
  /** The stored files its attachments refer to; a file is read by whoever may read a case that has it. */
  fileIds?: string[];
};

/**
 * The claim on a revision, kept beside the revisions until the revision's outbox is applied:
 * inserting it takes the revision number (of two racing commands exactly one succeeds), and
 * the repair sweep finds unapplied outboxes by it.
 */
export interface RevisionClaim {
  _id: string;
  caseId: string;
  rev: number;
  claim: true;
  at: Date;
}

/** What is left of a revision of an ended case once pruned: its id, so no stale writer can take the number again. */
export interface PrunedRevision {
  _id: string;
  caseId: string;
  rev: number;
  pruned: true;
}

/** An issued receipt number; the number is its _id, so an insert claims it atomically. */
export interface ReceiptRecord {
  _id: string;
  day: string;
  seq: number;
}
