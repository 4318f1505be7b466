/** External tasks (DESIGN.md "Other systems"): steps another department's system does, fetched and locked by topic. */

/** A variable mapping of an external task (camunda:inputParameter / outputParameter): the name it gets and the expression that gives its value. */
export interface VariableMapping {
  name: string;
  /** `${…}`, `#{…}` or `= …` FEEL; a plain text is the value itself. */
  expression: string;
}

/** What govflow needs to know about a service, send or business-rule task: the topic it waits on and how variables cross. */
export interface ExternalTaskSpec {
  id: string;
  name: string;
  topic: string;
  /** The variables a worker receives (camunda:inputOutput); null hands it every process variable. */
  inputs: VariableMapping[] | null;
  /** The process variables set from what the worker completes with; null sets each completed variable as it is. */
  outputs: VariableMapping[] | null;
  /** The error codes an error boundary event on it (or a sub-process around it) catches; `*` for one that catches any. */
  catches: string[];
}

/** What govflow needs to know about a call activity: the process it calls, which version, and how variables cross. */
export interface CallActivitySpec {
  id: string;
  name: string;
  /** The called process's id (its key in govflow). */
  calledElement: string;
  /** A fixed version (camunda:calledElementVersion); null calls the newest at the time of the call. */
  version: number | null;
  /** The variables the child case starts with (camunda:in); null passes every variable. */
  inputs: VariableMapping[] | null;
  /** The variables the parent gets back when the child ends (camunda:out); null passes every variable. */
  outputs: VariableMapping[] | null;
}

/** A worker's lock on an external task: which client and worker hold it, and until when. */
export interface ExternalTaskLock {
  client: string;
  workerId: string;
  until: Date;
}

/** The last failure a worker reported for an external task. */
export interface ExternalTaskFailure {
  message: string;
  details: string | null;
  by: string;
  at: Date;
}

/** An external task waiting in a case; the case document holds the truth, the externalTasks collection mirrors it for fetching. */
export interface ExternalTask {
  /** `caseId.executionId`, like a user task's id. */
  id: string;
  executionId: string;
  stepId: string;
  name: string;
  topic: string;
  createdAt: Date;
  lock: ExternalTaskLock | null;
  /** Retries left, as the last failure set them; null before any failure. At 0 the task waits for an administrator (an incident). */
  retries: number | null;
  /** After a failure with retries left: not fetched again before this time. */
  retryAt: Date | null;
  failure: ExternalTaskFailure | null;
}

export type ExternalTaskStatus = 'open' | 'completed' | 'cancelled';

/** The fetchable projection of an external task, rebuilt from case revisions. */
export interface ExternalTaskRecord {
  _id: string;
  caseId: string;
  /** The departments the case passed through, so a district's office lists its own. */
  departments?: string[];
  receiptNo: string;
  processKey: string;
  stepId: string;
  name: string;
  topic: string;
  status: ExternalTaskStatus;
  /** The topic while the task may be fetched (open, retries left); absent otherwise, so the fetch index holds fetchable tasks only. */
  topicKey?: string;
  /** When a fetch may take it: its creation, its lock's end, or its retry time. */
  availableAt: Date;
  lock: ExternalTaskLock | null;
  retries: number | null;
  failure: ExternalTaskFailure | null;
  createdAt: Date;
  closedAt: Date | null;
  /** The client and worker that completed it. */
  completedBy: string | null;
  caseRev: number;
}
