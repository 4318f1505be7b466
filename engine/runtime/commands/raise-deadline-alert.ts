import { deferredClockKey, deferredRefusal, outstandingMaterials } from '../../cases';
import type { DeadlineJob } from '../../deadlines';
import type { CaseRecord } from '../../records';
import { alertForDeadline } from '../../supervision';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';
import { deemedAcceptance } from '../deemed-acceptance';
import { endedState } from './withdraw-case';

export interface RaisedAlert {
  raised: boolean;
  alertId: string | null;
}

/**
 * A deadline job fired: raise its yellow or red card if the clock still says so. A stale job —
 * the work is done, the clock paused or moved, the card already up — changes nothing, which is
 * what makes a job that fires twice (a retried worker) raise one card. The acceptance step's
 * red card may also make the application count as accepted (许可法§32); the end of 容缺受理's
 * limit refuses an application whose deferred materials never came.
 */
export class RaiseDeadlineAlert implements CaseCommand<RaisedAlert> {
  readonly name = 'RaiseDeadlineAlert';
  readonly caseId: string;

  constructor(readonly job: DeadlineJob) {
    this.caseId = job.caseId;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<RaisedAlert> | Unchanged<RaisedAlert>> {
    if (this.job.clockKey === deferredClockKey) return refusedForDeferred(current, this.job, context.now);
    const alert = alertForDeadline(current, this.job, context.now);
    if (!alert) return { unchanged: { raised: false, alertId: null } };
    const raised = { ...current, alerts: [...current.alerts, alert] };
    const deemed = await this.#deemed(raised, context);
    if (deemed) {
      return {
        next: { ...raised, acceptance: deemed.acceptance, clock: deemed.clock, alerts: [...raised.alerts, deemed.point] },
        audit: { action: 'case.deemed-accepted', stepName: alert.stepName, comment: `许可法第三十二条：视为自 ${deemed.acceptance.at.toISOString()} 起受理` },
        notifications: deemed.notifications,
        result: { raised: true, alertId: alert.id },
      };
    }
    return {
      next: raised,
      audit: { action: `alert.${alert.level}`, stepName: alert.stepName, comment: `due ${alert.dueAt.toISOString()}` },
      result: { raised: true, alertId: alert.id },
    };
  }

  /** The acceptance step's red card: the application may now count as accepted (许可法§32). */
  async #deemed(record: CaseRecord, context: CommandContext) {
    const task = this.job.level === 'red' ? record.openTasks.find((open) => open.id === this.job.clockKey) : undefined;
    if (!task) return null;
    return deemedAcceptance(record, task, await context.definitions.get(record.processKey, record.version), context);
  }
}

/**
 * 容缺受理's limit ran out: an application whose deferred materials are still outstanding is
 * refused — it ends with that outcome and its applicant is told, as of any decision. A job for a
 * limit that moved or whose materials came in changes nothing.
 */
function refusedForDeferred(current: CaseRecord, job: DeadlineJob, now: Date): CaseChange<RaisedAlert> | Unchanged<RaisedAlert> {
  const outstanding = outstandingMaterials(current);
  const due = outstanding?.clock.due;
  if (current.status !== 'running' || !due || new Date(due).getTime() !== job.at) return { unchanged: { raised: false, alertId: null } };
  return {
    next: { ...endedState(current, now), status: 'completed', outcome: [{ stepId: deferredClockKey, name: deferredRefusal }] },
    audit: { action: 'case.refused', stepName: '容缺受理', comment: `${deferredRefusal}：${outstanding.materials.map((material) => material.name).join('、')}` },
    result: { raised: false, alertId: null },
  };
}
