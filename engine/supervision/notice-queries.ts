import { clockView, type Clock } from '../clocks';
import type { NoticeRecord } from '../records';
import { actorKeys } from '../users/audience-keys';
import type { Actor } from '../users/actor';
import { alertVisibility } from './alert-queries';
import type { NoticeStatus, NoticeView } from './notice-view';

export type { NoticeStatus, NoticeView };


/** Notices follow the alerts' visibility: the office sees all, a department the ones sent to it. */
export function noticeVisibility(actor: Actor): Record<string, unknown> {
  return alertVisibility(actor);
}

/** A notice as the API shows it, with its department's name, its reply clock and whether the reply came in time. */
export function noticeView({ _id, caseRev: _rev, clock, ...notice }: NoticeRecord, now: Date, nameOf: (unit: string) => string): NoticeView {
  return { id: _id, ...notice, departmentName: nameOf(notice.department), status: noticeStatus(notice, clock), replyClock: clockView(clock, now) };
}

function noticeStatus(notice: Pick<NoticeRecord, 'reply' | 'closed'>, clock: Clock): NoticeStatus {
  if (notice.closed) return notice.closed.how;
  if (!notice.reply) return 'awaiting-reply';
  return clock.due && new Date(notice.reply.at) > new Date(clock.due) ? 'replied-late' : 'replied';
}

/** Notifications addressed to the actor, their department (staff only) or one of their roles. */
export function audienceQuery(actor: Actor): Record<string, unknown> {
  return { audienceKeys: { $in: actorKeys(actor) } };
}
