import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import type { CaseAlert, CaseRecord } from '../../records';
import { hasRole } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext } from '../command';

/** The supervision office closes a card after looking into it; a red card leaves the board only this way. */
export class CloseAlert implements CaseCommand<CaseAlert> {
  readonly name = 'CloseAlert';

  constructor(
    readonly caseId: string,
    readonly alertId: string,
    readonly note: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<CaseAlert>> {
    if (!hasRole(context.actor, 'supervisor')) throw new ForbiddenError('only the supervision office closes alerts');
    const alert = current.alerts.find((candidate) => candidate.id === this.alertId);
    if (!alert) throw new NotFoundError('alert', this.alertId);
    if (alert.status === 'closed') throw new ConflictError(`alert ${this.alertId} is closed already`);
    const closed: CaseAlert = { ...alert, status: 'closed', closedAt: context.now, closedBy: context.actor.username, closeNote: this.note };
    return {
      next: { ...current, alerts: current.alerts.map((candidate) => (candidate.id === alert.id ? closed : candidate)) },
      audit: { action: 'alert.closed', stepName: alert.stepName, comment: `${alert.level}: ${this.note}` },
      result: closed,
    };
  }
}
