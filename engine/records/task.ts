/** The inbox projection of tasks, and the countersigns a case keeps. */

import type { Clock } from './clock';
import type { CountersignSpec, FormField } from './definition';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** The inbox projection of a task, rebuilt from case documents. */
export interface TaskRecord {
  _id: string;
  caseId: string;
  caseTitle: string;
  receiptNo: string;
  /** Who applied, so the inbox can be searched by applicant. */
  applicant: string;
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
  /** Who holds the open task (its assignee); null once it closes, so the "mine" index holds open tasks only. */
  holder: string | null;
  /** Who may claim the open task nobody holds, as `user:`/`group:` keys (users/audience-keys); empty otherwise. */
  queue: string[];
  /** Once completed, `<completedBy>|<China month>`: the done list reads one month of one person at a time. */
  doneKey: string | null;
  /** The departments an open task is work of (its groups' units, else its case's), for a leader's 本部门在办; empty once closed. */
  openUnits: string[];
  /** The case revision this projection reflects; older effects never overwrite newer ones. */
  caseRev: number;
}

/** One signer's vote in a countersign, with the opinion that goes with it. */
export interface CountersignVote {
  signer: string;
  by: string;
  decision: string;
  comment: string | null;
  at: Date;
}

/** A running countersign (会签 · 或签 · 票签): its signers, in order, and the votes so far. */
export interface Countersign {
  /** bpmn-engine's execution id of the multi-instance step; each signer's task is one of its instances. */
  executionId: string;
  stepId: string;
  spec: CountersignSpec;
  signers: string[];
  votes: CountersignVote[];
}
