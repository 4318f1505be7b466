import { startClock } from '../../clocks';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { jurisdictionOfActor } from '../../org/org-directory';
import { covers } from '../../org/org-tree';
import type { CaseRecord, Notice, NoticeRound } from '../../records';
import { hasRole, type Actor } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext, OutgoingNotification } from '../command';

/*
 * The office's part after a notice (督办) is sent: it accepts the department's reply (认可),
 * turns it back to be explained again (退回重新说明), sends an unanswered notice again
 * (再次督办), or ends it (结束督办). A notice it ended takes no reply and no further step.
 */

/** One of the office's open notices on the case, within the units it oversees. */
function openNotice(current: CaseRecord, noticeId: string, actor: Actor): Notice {
  const notice = current.notices.find((candidate) => candidate.id === noticeId);
  if (!notice) throw new NotFoundError('notice', noticeId);
  if (!hasRole(actor, 'supervisor')) throw new ForbiddenError('only the supervision office reviews its notices');
  if (!covers(jurisdictionOfActor(actor), notice.department)) throw new ForbiddenError(`${notice.department} is outside the units your office oversees`);
  if (notice.closed) throw new ConflictError(`notice ${noticeId} was ended already (${notice.closed.how})`, { key: 'notice.ended' });
  return notice;
}

function withNotice(current: CaseRecord, notice: Notice): CaseRecord {
  return { ...current, notices: current.notices.map((candidate) => (candidate.id === notice.id ? notice : candidate)) };
}

/** The department is told what became of its notice, by whom. */
function toDepartment(notice: Notice, kind: string, message: string, actor: Actor): OutgoingNotification {
  return { audience: { department: notice.department }, kind, message, by: actor.username, unit: notice.department };
}

/** 认可: the office accepts the department's reply, which ends the notice. */
export class AcceptNoticeReply implements CaseCommand<Notice> {
  readonly name = 'AcceptNoticeReply';

  constructor(
    readonly caseId: string,
    readonly noticeId: string,
    readonly comment: string | null,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Notice>> {
    const notice = openNotice(current, this.noticeId, context.actor);
    if (!notice.reply) throw new ConflictError(`notice ${this.noticeId} has no reply to accept yet: send it again or end it`, { key: 'notice.no-reply' });
    const accepted: Notice = { ...notice, closed: { by: context.actor.username, at: context.now, how: 'accepted', comment: this.comment } };
    return {
      next: withNotice(current, accepted),
      audit: { action: 'notice.accepted', comment: this.comment },
      notifications: [toDepartment(notice, 'notice.accepted', `督办 ${current.receiptNo} 的情况说明已获认可${this.comment ? `：${this.comment}` : ''}`, context.actor)],
      result: accepted,
    };
  }
}

/**
 * The office sends the notice again with a new reply limit: `reject` turns back the reply it has
 * (退回重新说明), otherwise it presses a notice still unanswered (再次督办). Which one the office
 * means is part of the request, so a reply arriving meanwhile is never turned back unread.
 */
export class ReissueNotice implements CaseCommand<Notice> {
  readonly name = 'ReissueNotice';

  constructor(
    readonly caseId: string,
    readonly noticeId: string,
    readonly reject: boolean,
    readonly reason: string,
    readonly replyLimit: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Notice>> {
    const notice = openNotice(current, this.noticeId, context.actor);
    if (this.reject && !notice.reply) throw new ConflictError(`notice ${this.noticeId} has no reply to turn back: send it again instead`, { key: 'notice.no-reply' });
    if (!this.reject && notice.reply) throw new ConflictError(`notice ${this.noticeId} was answered: accept the reply or turn it back`, { key: 'notice.answered' });
    const how = this.reject ? 'rejected' : 'reissued';
    const ended: NoticeRound = { message: notice.message, sentBy: notice.sentBy, sentAt: notice.sentAt, clock: notice.clock, reply: notice.reply, ended: { by: context.actor.username, at: context.now, how, reason: this.reason } };
    const next: Notice = {
      ...notice,
      message: this.reason,
      sentBy: context.actor.username,
      sentAt: context.now,
      clock: startClock(this.replyLimit, 1, context.now, context.calendar),
      reply: null,
      round: (notice.round ?? 1) + 1,
      earlier: [...(notice.earlier ?? []), ended],
    };
    const words = this.reject ? '情况说明未获认可，请重新说明' : '再次督办';
    return {
      next: withNotice(current, next),
      audit: { action: `notice.${how}`, comment: this.reason },
      notifications: [toDepartment(notice, `notice.${how}`, `督办 ${current.receiptNo} ${words}：${this.reason}`, context.actor)],
      result: next,
    };
  }
}

/** 结束督办: the office ends a notice without accepting a reply (the case ended, the matter was settled otherwise). */
export class CloseNotice implements CaseCommand<Notice> {
  readonly name = 'CloseNotice';

  constructor(
    readonly caseId: string,
    readonly noticeId: string,
    readonly comment: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Notice>> {
    const notice = openNotice(current, this.noticeId, context.actor);
    const closed: Notice = { ...notice, closed: { by: context.actor.username, at: context.now, how: 'closed', comment: this.comment } };
    return {
      next: withNotice(current, closed),
      audit: { action: 'notice.closed', comment: this.comment },
      notifications: [toDepartment(notice, 'notice.closed', `督办 ${current.receiptNo} 已结束：${this.comment}`, context.actor)],
      result: closed,
    };
  }
}
