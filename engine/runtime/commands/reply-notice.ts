import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { revisitMessage } from '../../ratings';
import type { CaseRecord, Notice } from '../../records';
import { hasRole } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext } from '../command';

/** The department answers a supervision notice, or a poor rating's follow-up, with its written explanation (情况说明); once. */
export class ReplyNotice implements CaseCommand<Notice> {
  readonly name = 'ReplyNotice';

  constructor(
    readonly caseId: string,
    readonly noticeId: string,
    readonly explanation: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Notice>> {
    const notice = current.notices.find((candidate) => candidate.id === this.noticeId);
    if (!notice) throw new NotFoundError('notice', this.noticeId);
    const { actor } = context;
    if (!hasRole(actor, 'clerk', 'leader') || actor.department !== notice.department) {
      throw new ForbiddenError(`only staff of ${notice.department} answer this notice`, { key: 'notice.not-department' });
    }
    if (notice.closed) throw new ConflictError(`notice ${this.noticeId} was ended by the office; it takes no reply`, { key: 'notice.ended' });
    if (notice.reply) throw new ConflictError(`notice ${this.noticeId} was answered already`, { key: 'notice.answered' });
    const replied: Notice = { ...notice, reply: { by: actor.username, at: context.now, explanation: this.explanation } };
    return {
      next: { ...current, notices: current.notices.map((candidate) => (candidate.id === notice.id ? replied : candidate)) },
      audit: { action: 'notice.replied', comment: this.explanation },
      notifications: [
        { audience: { role: 'supervisor', about: notice.department }, kind: 'notice.replied', message: `已就 ${current.receiptNo} ${notice.ratingId ? '差评整改' : '督办'}作出情况说明`, by: actor.username, unit: notice.department },
        // the applicant who rated hears what was done about it (回访)
        ...(notice.ratingId ? [{ audience: { users: [current.applicant] }, kind: 'rating.replied', message: revisitMessage(current.receiptNo, this.explanation) }] : []),
      ],
      result: replied,
    };
  }
}
