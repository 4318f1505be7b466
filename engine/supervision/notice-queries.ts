import { clockView, type ClockView } from '../clocks';
import type { NoticeRecord } from '../records';
import { actorKeys } from '../users/audience-keys';
import type { Actor } from '../users/actor';
import { alertVisibility } from './alert-queries';

export type NoticeStatus = 'awaiting-reply' | 'replied' | 'replied-late';

export type NoticeView = Omit<NoticeRecord, '_id' | 'caseRev' | 'clock'> & { id: string; departmentName: string; status: NoticeStatus; replyClock: ClockView };

/** Notices follow the alerts' visibility: the office sees all, a department the ones sent to it. */
export function noticeVisibility(actor: Actor): Record<string, unknown> {
  return alertVisibility(actor);
}

/** A notice as the API shows it, with its department's name, its reply clock and whether the reply came in time. */
export function noticeView({ _id, caseRev: _rev, clock, ...notice }: NoticeRecord, now: Date, nameOf: (unit: string) => string): NoticeView {
  const late = notice.reply && clock.due && new Date(notice.reply.at) > new Date(clock.due);
  return { id: _id, ...notice, departmentName: nameOf(notice.department), status: notice.reply ? (late ? 'replied-late' : 'replied') : 'awaiting-reply', replyClock: clockView(clock, now) };
}

/** Notifications addressed to the actor, their department (staff only) or one of their roles. */
export function audienceQuery(actor: Actor): Record<string, unknown> {
  return { audienceKeys: { $in: actorKeys(actor) } };
}
