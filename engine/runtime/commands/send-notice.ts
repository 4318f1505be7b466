import { startClock } from '../../clocks';
import { ForbiddenError } from '../../errors';
import type { CaseRecord, Notice } from '../../records';
import { jurisdictionOfActor } from '../../org/org-directory';
import { covers } from '../../org/org-tree';
import { hasRole } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext } from '../command';

/** The supervision office sends a notice (督办) about a case to a department, which must explain in writing within the reply limit. */
export class SendNotice implements CaseCommand<Notice> {
  readonly name = 'SendNotice';

  constructor(
    readonly caseId: string,
    readonly department: string,
    readonly message: string,
    readonly replyLimit: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Notice>> {
    if (!hasRole(context.actor, 'supervisor')) throw new ForbiddenError('only the supervision office sends supervision notices');
    if (!covers(jurisdictionOfActor(context.actor), this.department)) throw new ForbiddenError(`${this.department} is outside the units your office oversees`);
    const notice: Notice = {
      id: `${current._id}~n${current.notices.length + 1}`,
      department: this.department,
      message: this.message,
      sentBy: context.actor.username,
      sentAt: context.now,
      clock: startClock(this.replyLimit, 1, context.now, context.calendar),
      reply: null,
    };
    return {
      next: { ...current, notices: [...current.notices, notice] },
      audit: { action: 'notice.sent', comment: `${this.department}: ${this.message}` },
      notifications: [{ audience: { department: this.department }, kind: 'notice.sent', message: `督办 ${current.receiptNo}：${this.message}`, by: context.actor.username, unit: this.department }],
      result: notice,
    };
  }
}
