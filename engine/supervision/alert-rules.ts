import type { Clock } from '../clocks';
import type { DeadlineJob } from '../deadlines';
import type { AlertLevel, CaseAlert, CaseRecord, OpenTask } from '../store/records';
import { departmentsOf } from '../tasks';

/**
 * The card a fired deadline job raises, or null when the job is stale: the clock is gone,
 * paused or moved (its time no longer matches), or the same card is already up.
 */
export function alertForDeadline(record: CaseRecord, job: DeadlineJob, now: Date): CaseAlert | null {
  const task = job.clockKey === 'case' ? undefined : record.openTasks.find((candidate) => candidate.id === job.clockKey);
  const clock = job.clockKey === 'case' ? record.clock : task?.clock;
  const expected = job.level === 'yellow' ? clock?.warnAt : clock?.due;
  if (!clock || !expected || new Date(expected).getTime() !== job.at) return null;
  if (record.alerts.some((alert) => alert.id === alertId(job.level, record._id, job.clockKey))) return null;
  return newAlert(record, job.level, job.clockKey, clock, task, now, false);
}

/**
 * Cards follow the work after every command: when a step or the case finishes, its yellow card
 * is resolved and its red card marked done — a red card stays open until the supervision office
 * closes it — and work finished after its due time gets a red card even if no job fired.
 */
export function settleAlerts(before: CaseRecord | null, next: CaseRecord, now: Date): CaseAlert[] {
  let alerts = next.alerts;
  const finished: Array<[string, Clock, OpenTask | undefined]> = [];
  for (const task of before?.openTasks ?? []) {
    if (task.clock && !next.openTasks.some((candidate) => candidate.id === task.id)) finished.push([task.id, task.clock, task]);
  }
  if (before?.status === 'running' && next.status !== 'running' && next.clock) finished.push(['case', next.clock, undefined]);
  for (const [clockKey, clock, task] of finished) {
    alerts = alerts.map((alert) => (alert.clockKey === clockKey ? finishedWork(alert) : alert));
    const late = clock.due !== null && now > new Date(clock.due) && next.status !== 'withdrawn';
    if (late && !alerts.some((alert) => alert.clockKey === clockKey && alert.level === 'red')) {
      alerts = [...alerts, newAlert(next, 'red', clockKey, clock, task, now, true)];
    }
  }
  return alerts;
}

export function alertId(level: AlertLevel, caseId: string, clockKey: string): string {
  return `${level}~${caseId}~${clockKey}`;
}

function finishedWork(alert: CaseAlert): CaseAlert {
  if (alert.status !== 'open') return alert;
  return alert.level === 'yellow' ? { ...alert, status: 'resolved', workDone: true } : { ...alert, workDone: true };
}

function newAlert(record: CaseRecord, level: AlertLevel, clockKey: string, clock: Clock, task: OpenTask | undefined, now: Date, workDone: boolean): CaseAlert {
  const dueAt = new Date(level === 'yellow' ? (clock.warnAt ?? now) : (clock.due ?? now));
  return {
    id: alertId(level, record._id, clockKey),
    level,
    kind: task ? 'step' : 'case',
    clockKey,
    stepName: task?.name ?? null,
    department: (task ? departmentsOf(task)[0] : record.departments[0]) ?? null,
    handler: task?.assignee ?? null,
    dueAt,
    raisedAt: now,
    status: 'open',
    workDone,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  };
}
