import type { StepCatalogue } from '../definitions/step-catalogue';
import type { Clock } from '../clocks/clock';
import type { HolidaySchedule } from '../time/holiday-schedule';
import type { Effect } from '../runtime/effects';
import type { FormField } from '../definitions/form-spec';
import type { Countersign } from '../tasks/countersign';
import type { Role } from '../users/roles';

export type AlertLevel = 'yellow' | 'red';
export type AlertKind = 'case' | 'step' | 'notice' | 'compliance';

/** A supervision notice (督办) the office sent a department about a case, and the department's written explanation (情况说明). */
export interface Notice {
  id: string;
  department: string;
  message: string;
  sentBy: string;
  sentAt: Date;
  /** The reply limit's clock (default 5WD); a late reply raises a red card of its own. */
  clock: Clock;
  reply: { by: string; at: Date; explanation: string } | null;
}

/**
 * Something kept in a case (an alert, a notice) as its own projection document: keyed by its
 * id, with the case fields lists filter by and the case revision it reflects.
 */
export type CaseItemRecord<Item extends { id: string }> = Omit<Item, 'id'> & {
  _id: string;
  caseId: string;
  receiptNo: string;
  caseTitle: string;
  processKey: string;
  caseRev: number;
};

/** The notices projection, for the lists of the office and of departments. */
export type NoticeRecord = CaseItemRecord<Notice>;

/** Who an in-app notification is for: named users, a department's staff, or everyone with a role. */
export interface Audience {
  users?: string[];
  department?: string;
  role?: Role;
}

/** An in-app notification, written through the outbox so a retried command never sends it twice. */
export interface NotificationRecord {
  _id: string;
  audience: Audience;
  caseId: string;
  kind: string;
  message: string;
  at: Date;
}

/** open: needs attention; resolved: a yellow card whose work finished in time; closed: the supervision office closed it. */
export type AlertStatus = 'open' | 'resolved' | 'closed';

/** A yellow or red card on a clock of a case (电子监察 黄牌 · 红牌), kept in the case and projected for supervisors. */
export interface CaseAlert {
  id: string;
  level: AlertLevel;
  /** Whose clock: the case's, a step's, or a supervision notice's reply limit; or a compliance point (监察点). */
  kind: AlertKind;
  /** For a compliance point: the rule broken, e.g. `decision-without-reasons`. */
  rule: string | null;
  clockKey: string;
  stepName: string | null;
  department: string | null;
  handler: string | null;
  dueAt: Date;
  raisedAt: Date;
  status: AlertStatus;
  /** The late work has been done; a red card stays open regardless until the office closes it. */
  workDone: boolean;
  closedAt: Date | null;
  closedBy: string | null;
  closeNote: string | null;
}

/** The alerts projection: a case alert with what supervisors filter and list by. */
export type AlertRecord = CaseItemRecord<CaseAlert>;

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
  /** Where document storage keeps the file. */
  storageKey: string;
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
  status: CaseStatus;
  variables: Record<string, unknown>;
  /** bpmn-engine state, compacted and compressed (see runtime/engine-state-codec). */
  engineState: Buffer;
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
  /** People and groups the case was copied to (抄送); they may read it. */
  copiedTo: { users: string[]; groups: string[] };
  /** The case clock (promised, else statutory limit), once started. */
  clock: Clock | null;
  /** Why the clocks stand still, while they do. */
  pauseKind: PauseKind | null;
  /** Yellow and red cards raised on the case's clocks. */
  alerts: CaseAlert[];
  /** Supervision notices sent about the case, with their replies. */
  notices: Notice[];
  /** BPMN timer events waiting in the engine; each has a durable job. */
  timers: Array<{ executionId: string; stepId: string; fireAt: Date }>;
  auditHead: { seq: number; hash: string };
  /** The effects of the command that made this revision; applied once its claim is cleared. */
  outbox: Effect[];
  rev: number;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
}

/** A stored revision: the case's state keyed by case and revision. */
export type CaseRevisionRecord = Omit<CaseRecord, '_id'> & { _id: string; caseId: string };

/** The cases collection: the latest revision without engine state and outbox, for queries and views. */
export type CaseHead = Omit<CaseRecord, 'engineState' | 'outbox'>;

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

/** A holiday schedule an administrator added or replaced; it takes precedence over the shipped file of its year. */
export interface CalendarRecord {
  _id: string;
  year: number;
  schedule: HolidaySchedule;
  updatedBy: string;
  updatedAt: Date;
}

/** An append-only record of an administrative change outside any case (calendars, …). */
export interface AdminLogRecord {
  _id: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

/** An issued receipt number; the number is its _id, so an insert claims it atomically. */
export interface ReceiptRecord {
  _id: string;
  day: string;
  seq: number;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** The inbox projection of a task, rebuilt from case documents. */
export interface TaskRecord {
  _id: string;
  caseId: string;
  caseTitle: string;
  receiptNo: string;
  processKey: string;
  stepId: string;
  name: string;
  status: TaskStatus;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  decisions: string[];
  /** The step's form, for the client to render. */
  form: FormField[];
  /** For a countersign: the signer this task is for. */
  signer: string | null;
  /** While delegated (委派): the owner the task goes back to. */
  delegatedBy: string | null;
  createdAt: Date;
  /** The step's due time, for sorting the inbox by urgency. */
  due: Date | null;
  warnAt: Date | null;
  /** The step's clock, for the inbox to show limit, time left and pauses. */
  clock: Clock | null;
  completedAt: Date | null;
  completedBy: string | null;
  decision: string | null;
  /** The case revision this projection reflects; older effects never overwrite newer ones. */
  caseRev: number;
}

/** One entry of a case's hash-chained audit log; never updated or deleted. */
export interface AuditRecord {
  _id: string;
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  stepId: string | null;
  stepName: string | null;
  taskId: string | null;
  decision: string | null;
  comment: string | null;
  statusBefore: CaseStatus | null;
  statusAfter: CaseStatus;
  prevHash: string;
  hash: string;
}

/** A process model a designer saved without deploying it; one per process key, replaced on each save. */
export interface DraftRecord {
  _id: string;
  xml: string;
  savedBy: string;
  savedAt: Date;
}

/** One deployed version of a process. */
export interface DefinitionRecord {
  _id: string;
  key: string;
  version: number;
  name: string;
  xml: string;
  checksum: string;
  catalogue: StepCatalogue;
  deployedBy: string;
  deployedAt: Date;
}

export { roles, type Role } from '../users/roles';

export interface UserRecord {
  _id: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  /** Candidate groups the user belongs to, as `role@department`. */
  groups: string[];
  createdAt: Date;
}
