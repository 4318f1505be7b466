/** Deployed process versions and drafts, with the step catalogue govflow reads from a model once per version. */

import type { CallActivitySpec, ExternalTaskSpec } from './external-task';
import type { AdoptionRecord } from './template';

/** A process model a designer saved without deploying it; one per process key, replaced on each save. */
export interface DraftRecord {
  _id: string;
  xml: string;
  savedBy: string;
  savedAt: Date;
  /** The unit the process belongs to (absent: saved before there was a tree, the root's). */
  unit?: string;
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
  /** The unit the process belongs to, whose designers deploy it (absent: deployed before there was a tree, the root's). */
  unit?: string;
  /** For a unit's copy of a template: which template and version, and how it differs. */
  adoptedFrom?: AdoptionRecord;
}

/** 会签 all must approve · 或签 the first signature decides · 票签 a share must approve. */
export type CountersignRule = 'all' | 'any' | 'vote';

/** A multi-instance user task whose instances are signers (govflow:countersign). */
export interface CountersignSpec {
  rule: CountersignRule;
  /** Users or groups (`role@department`), possibly `${…}` expressions; one instance each. */
  signers: string[];
  /** For a vote: the share of signers that must approve (govflow:passShare, default half). */
  passShare: number;
  /** Signers sign one after another (依次会签) rather than all at once. */
  sequential: boolean;
  /** The decision that approves (the first offered); the last offered one rejects. */
  approve: string;
  reject: string;
}

/** What govflow needs to know about a user task beyond what bpmn-engine runs. */
export interface UserTaskSpec extends ActorAttributes {
  id: string;
  name: string;
  /** Decisions the step offers (govflow:decisions); empty means any or none. */
  decisions: string[];
  /** Completing this step decides the case, so the applicant can no longer withdraw. */
  decisive: boolean;
  /** The step's time limit (govflow:timeLimit, e.g. 3WD), if it has one. */
  timeLimit?: string;
  /** Yellow card when this many working days or less are left (govflow:warnBefore; default 2). */
  warnBefore: number;
  /** The fields the step's form asks for (govflow:form). */
  form: FormField[];
  /** Decisions whose opinion the applicant may read, e.g. a denial's reasons (govflow:publicDecisions). */
  publicDecisions: string[];
  /** The case clocks stand still while this step is open: a special procedure, a hearing (govflow:pausesClock). */
  pausesClock: boolean;
  countersign?: CountersignSpec;
  /** Directly inside the process, not in a sub-process: a step a case can be returned to. */
  topLevel: boolean;
}

/** A fine range for a kind of violation (自由裁量基准), from the process's govflow:discretion table. */
export interface DiscretionRange {
  violation: string;
  label: string;
  fineMin: number;
  fineMax: number;
}

/** How a material is handed in: the original, a copy, both, or only as an electronic file. */
export type MaterialForm = 'original' | 'copy' | 'original-and-copy' | 'electronic';

/** One material of an application as the service guide lists it (govflow:material). */
export interface MaterialSpec {
  /** What attachments name it by (`material` of an attachment). */
  key: string;
  name: string;
  form: MaterialForm;
  copies?: number;
  /** The application is not complete without it. */
  required: boolean;
  /** 容缺受理 may accept an application without it only when it is not essential. */
  essential: boolean;
  /** How to fill it in, or where a sample is. */
  sample?: string;
  /** A file of it may be at most this large, and of these types; else the installation's limits. */
  maxSizeMb?: number;
  mediaTypes?: string[];
}

/** The service guide (办事指南) of a process the public applies for, from its govflow attributes. */
export interface ServiceGuideSpec {
  /** Listed in the online hall's catalogue. */
  public: boolean;
  /** The service's code in the province's catalogue (事项编码). */
  serviceCode?: string;
  legalBasis?: string;
  conditions?: string;
  fees?: string;
  /** Where and how the result is collected. */
  collection?: string;
  /** 容缺受理: the window may accept with non-essential materials to follow within `supplementLimit`. */
  incompleteAcceptance: boolean;
  supplementLimit?: string;
  materials: MaterialSpec[];
}

/** The case clock of a process: its limits and the step whose completion starts it (acceptance). */
export interface CaseClockSpec {
  /** The agency's promised limit (承诺时限); runs the case clock when set. */
  promisedLimit?: string;
  /** The statutory limit (法定时限); the promised one may not exceed it. */
  statutoryLimit?: string;
  /** The step whose completion with its first offered decision (accept) starts the clock; absent: the clock starts with the case. */
  clockStart?: string;
  /** 许可法§32: an application the clock-start step leaves undecided past its own limit counts as accepted from its receipt. */
  deemedAcceptance?: boolean;
  warnBefore: number;
  /** The legal review step (法制审核) a major case must pass before its decision (Penalty Law §58). */
  legalReviewStep?: string;
}

/** Names and task specs of one process, read once per definition version. */
export interface StepCatalogue {
  processId: string;
  processName: string;
  /** Every flow element's name by id, for history and progress answers. */
  names: Record<string, string>;
  userTasks: Record<string, UserTaskSpec>;
  /** Message names by the id of the event or receive task that waits for them. */
  messages: Record<string, string>;
  /** Service, send and business-rule tasks, done by other systems through external tasks, by id. */
  externalTasks: Record<string, ExternalTaskSpec>;
  /** The message that starts a case, when the process starts on one (a message start event) rather than by an application. */
  startMessage?: { eventId: string; message: string };
  /** The schedule that starts cases, when the process starts on a timer: a cycle (cron or ISO 8601 repeating interval) or one date. */
  startTimer?: { eventId: string; kind: 'timeCycle' | 'timeDate'; value: string };
  /** Event sub-processes a message starts, by the message's name. */
  messageSubProcesses: Record<string, MessageSubProcessSpec>;
  /** Call activities by id: each runs a child case of the process it calls. */
  callActivities: Record<string, CallActivitySpec>;
  /** Message throw events (intermediate or end), by id: the message they send to other cases of the installation. */
  thrownMessages: Record<string, ThrownMessageSpec>;
  clock: CaseClockSpec;
  discretion: DiscretionRange[];
  /** Who may start a case: roles, or groups as role@department (govflow:initiators; default applicants). */
  initiators: string[];
  /** The item variable of each multi-instance activity (task or sub-process) by its id, e.g. `reviewer`; none on versions stored before it was kept. */
  loops?: Record<string, string>;
  /** The variable the start event names for who applied (camunda:/flowable:/activiti:initiator), set at start. */
  initiatorVariable?: string;
  /** The application form: the fields of the (none) start event's govflow:form; none on versions stored before it was kept. */
  startForm?: FormField[];
  /** The end events of the process, sub-processes' aside: reaching one is the case's outcome (准予许可, 不予受理 …). Absent on versions compiled before outcomes were kept. */
  endEvents?: string[];
  /** The service guide, when the process says anything of one. */
  service?: ServiceGuideSpec;
}

/** An event sub-process whose start event waits for a message: interrupting ends the rest of the case first. */
export interface MessageSubProcessSpec {
  subProcessId: string;
  startEventId: string;
  interrupting: boolean;
}

/** What a message throw event sends: the message's name, the variables that correlate it at the receiver, and those it carries. */
export interface ThrownMessageSpec {
  message: string;
  /** govflow:correlationKeys: variable names whose values a receiving case must hold too. */
  correlationKeys: string[];
  /** govflow:messageVariables: further variables the message carries into the receiver. */
  variables: string[];
}

/** `materials`: materials of the process's service guide, each with the reason it is asked for (一次性告知). */
export type FieldType = 'string' | 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'list' | 'materials';

/** One field of a step's form (govflow:field), as a client renders it and the API checks it. */
export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** The allowed values of an enum field; the keys of the materials a materials field may ask for. */
  options?: string[];
  /** What a person reads for each option: a material's name. */
  optionLabels?: Record<string, string>;
  minLength?: number;
  /** Of a text; of each reason, in a materials field. */
  maxLength?: number;
  min?: number;
  max?: number;
  /** The least number of entries of a list field. */
  minItems?: number;
}

/** Who may act on a user task, as the model states it (expressions not yet resolved). */
export interface ActorAttributes {
  assignee?: string;
  candidateUsers: string[];
  candidateGroups: string[];
}
