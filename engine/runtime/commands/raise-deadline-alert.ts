import type { DeadlineJob } from '../../deadlines';
import type { CaseRecord } from '../../records';
import { alertForDeadline } from '../../supervision';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';

export interface RaisedAlert {
  raised: boolean;
  alertId: string | null;
}

/**
 * A deadline job fired: raise its yellow or red card if the clock still says so. A stale job —
 * the work is done, the clock paused or moved, the card already up — changes nothing, which is
 * what makes a job that fires twice (a retried worker) raise one card.
 */
export class RaiseDeadlineAlert implements CaseCommand<RaisedAlert> {
  readonly name = 'RaiseDeadlineAlert';
  readonly caseId: string;

  constructor(readonly job: DeadlineJob) {
    this.caseId = job.caseId;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<RaisedAlert> | Unchanged<RaisedAlert>> {
    const alert = alertForDeadline(current, this.job, context.now);
    if (!alert) return { unchanged: { raised: false, alertId: null } };
    return {
      next: { ...current, alerts: [...current.alerts, alert] },
      audit: { action: `alert.${alert.level}`, stepName: alert.stepName, comment: `due ${alert.dueAt.toISOString()}` },
      result: { raised: true, alertId: alert.id },
    };
  }
}
