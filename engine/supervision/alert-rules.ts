import type { Clock } from '../clocks';
import { alertId, awaitsReply, noticeClockKey, type DeadlineJob } from '../deadlines';
import type { AlertLevel, CaseAlert, CaseRecord, Notice, OpenTask } from '../records';
import { departmentsOf } from '../tasks';

/** The rule of the red card on a poor rating's follow-up (差评整改) answered late, to tell it from a late answer to the office's notice. */
const FOLLOW_UP_RULE = 'rating-follow-up';

/**
 * The card a fired deadline job raises, or null when the job is stale: the clock is gone,
 * paused or moved (its time no longer matches), or the same card is already up; or a yellow one
 * whose step or case is overdue already.
 */
export function alertForDeadline(record: CaseRecord, job: DeadlineJob, now: Date): CaseAlert | null {
  const owner = clockOwner(record, job.clockKey);
  const clock = owner?.clock;
  const expected = job.level === 'yellow' ? clock?.warnAt : clock?.due;
  if (!owner || !clock || !expected || new Date(expected).getTime() !== job.at) return null;
  // a warning that fires only after the due time (a worker was down) says less than the red card that fires with it
  if (job.level === 'yellow' && clock.due !== null && now >= new Date(clock.due)) return null;
  if (record.alerts.some((alert) => alert.id === alertId(job.level, record._id, job.clockKey))) return null;
  return newAlert(record, job.level, job.clockKey, clock, owner, now, false);
}

/** What a clock belongs to: the case, an open step, or a notice still awaiting its reply. */
type ClockOwner = { kind: 'case'; clock: Clock | null } | { kind: 'step'; clock: Clock | null; task: OpenTask } | { kind: 'notice'; clock: Clock; notice: Notice };

function clockOwner(record: CaseRecord, clockKey: string): ClockOwner | undefined {
  if (clockKey === 'case') return record.status === 'running' ? { kind: 'case', clock: record.clock } : undefined;
  const notice = record.notices.find((candidate) => noticeClockKey(candidate) === clockKey && awaitsReply(candidate));
  if (notice) return { kind: 'notice', clock: notice.clock, notice };
  const task = record.status === 'running' ? record.openTasks.find((candidate) => candidate.id === clockKey) : undefined;
  return task ? { kind: 'step', clock: task.clock, task } : undefined;
}

/**
 * Cards follow the work after every command: when a step or the case finishes, its yellow card
 * is resolved and its red card marked done — a red card stays open until the supervision office
 * closes it — and work finished after its due time gets a red card even if no job fired.
 */
export function settleAlerts(before: CaseRecord | null, next: CaseRecord, now: Date): CaseAlert[] {
  let alerts = next.alerts;
  for (const [clockKey, owner] of finishedClocks(before, next)) {
    alerts = alerts.map((alert) => (alert.clockKey === clockKey ? finishedWork(alert) : alert));
    const clock = owner.clock as Clock;
    const late = clock.due !== null && now > new Date(clock.due) && next.status !== 'withdrawn';
    if (late && !alerts.some((alert) => alert.clockKey === clockKey && alert.level === 'red')) {
      alerts = [...alerts, newAlert(next, 'red', clockKey, clock, owner, now, true)];
    }
  }
  return alerts;
}

/** Clocks whose work ended with this revision: steps that closed, the case if it ended, notices just answered. */
function finishedClocks(before: CaseRecord | null, next: CaseRecord): Array<[string, ClockOwner]> {
  const finished: Array<[string, ClockOwner]> = [];
  for (const task of before?.openTasks ?? []) {
    if (task.clock && !next.openTasks.some((candidate) => candidate.id === task.id)) finished.push([task.id, { kind: 'step', clock: task.clock, task }]);
  }
  if (before?.status === 'running' && next.status !== 'running' && next.clock) finished.push(['case', { kind: 'case', clock: next.clock }]);
  // a round's reply limit ends with its reply, with the notice closed, or with the round sent again
  for (const notice of before?.notices ?? []) {
    if (!awaitsReply(notice)) continue;
    const clockKey = noticeClockKey(notice);
    const after = next.notices.find((candidate) => candidate.id === notice.id);
    if (after && !(awaitsReply(after) && noticeClockKey(after) === clockKey)) finished.push([clockKey, { kind: 'notice', clock: notice.clock, notice: after }]);
  }
  return finished;
}

function departmentOf(record: CaseRecord, owner: ClockOwner): string | null {
  if (owner.kind === 'notice') return owner.notice.department;
  if (owner.kind === 'step') return departmentsOf(owner.task)[0] ?? null;
  return record.departments[0] ?? null;
}

function finishedWork(alert: CaseAlert): CaseAlert {
  if (alert.status !== 'open') return alert;
  return alert.level === 'yellow' ? { ...alert, status: 'resolved', workDone: true } : { ...alert, workDone: true };
}

function newAlert(record: CaseRecord, level: AlertLevel, clockKey: string, clock: Clock, owner: ClockOwner, now: Date, workDone: boolean): CaseAlert {
  const dueAt = new Date(level === 'yellow' ? (clock.warnAt ?? now) : (clock.due ?? now));
  return {
    id: alertId(level, record._id, clockKey),
    level,
    kind: owner.kind,
    rule: owner.kind === 'notice' && owner.notice.ratingId ? FOLLOW_UP_RULE : null,
    clockKey,
    stepName: owner.kind === 'step' ? owner.task.name : owner.kind === 'notice' ? (owner.notice.ratingId ? '差评整改' : '督办回复') : null,
    department: departmentOf(record, owner),
    handler: owner.kind === 'step' ? owner.task.assignee : null,
    dueAt,
    raisedAt: now,
    status: 'open',
    workDone,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  };
}
