/** Cards, supervision notices and notifications, as kept in a case and projected for lists. */

import type { Clock } from './clock';
import type { Role } from './user';

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
  reply: NoticeReply | null;
  /** For the follow-up (整改) of a poor rating: the rating; absent on the office's own notices. */
  ratingId?: string;
  /** Which time the office has sent it: 2 after its first reply was turned back or it was sent again (再次督办); absent for the first. */
  round?: number;
  /** The rounds before this one, oldest first: what was asked, the reply if any, and why the office sent it again. */
  earlier?: NoticeRound[];
  /** The office ended it: the reply accepted (认可), or closed without more (结束督办). No reply is awaited after that. */
  closed?: { by: string; at: Date; how: 'accepted' | 'closed'; comment: string | null };
}

export interface NoticeReply {
  by: string;
  at: Date;
  explanation: string;
}

/** A round of a notice that the office sent again: turned back with its reply (rejected), or re-issued unanswered. */
export interface NoticeRound {
  message: string;
  sentBy: string;
  sentAt: Date;
  clock: Clock;
  reply: NoticeReply | null;
  ended: { by: string; at: Date; how: 'rejected' | 'reissued'; reason: string };
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
export type NoticeRecord = CaseItemRecord<Notice> & {
  /** No reply yet and not closed: the office's list of notices waiting, and the reply jobs to reconcile, read it. */
  awaitingReply: boolean;
  /** Replied, and the office has not yet accepted the reply, turned it back or closed the notice. */
  awaitingReview: boolean;
};

/** Who an in-app notification is for: named users, a department's staff, or everyone with a role. */
export interface Audience {
  users?: string[];
  department?: string;
  role?: Role;
  /** The unit a role's notification is about: of a supervision office below the city level, only the one overseeing it hears. */
  about?: string;
}

/** An in-app notification, written through the outbox so a retried command never sends it twice. */
export interface NotificationRecord {
  _id: string;
  audience: Audience;
  /** The audience as keys (users/audience-keys), which the list of one person's notifications reads. */
  audienceKeys: string[];
  caseId: string;
  kind: string;
  /** What happened, in words that name no account or unit by its id: `by` and `unit` say who and where, and pages name them. */
  message: string;
  /** The person whose act this tells of (转办, 委派, 抄送, 催办, 退回, 督办, a reply). */
  by?: string;
  /** The unit it concerns (a notice's department). */
  unit?: string;
  at: Date;
}

/** When a person last opened their notifications: the bell counts what came after. */
export interface NotificationReadRecord {
  /** The username. */
  _id: string;
  seenAt: Date;
}

/** open: needs attention; resolved: a yellow card whose work finished in time; closed: the supervision office closed it. */
export type AlertStatus = 'open' | 'resolved' | 'closed';

/** A yellow or red card on a clock of a case (电子监察 黄牌 · 红牌), kept in the case and projected for supervisors. */
export interface CaseAlert {
  id: string;
  level: AlertLevel;
  /** Whose clock: the case's, a step's, or a supervision notice's reply limit; or a compliance point (监察点). */
  kind: AlertKind;
  /** For a compliance point: the rule broken, e.g. `decision-without-reasons`; for the card of a poor rating's follow-up, `rating-follow-up`. */
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
