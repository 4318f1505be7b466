import type { Clock } from '../clocks';
import type { AlertLevel, CaseHead, DeadlineJob, Notice, TimerJob } from '../records';

export type { DeadlineJob, TimerJob } from '../records';

/** The timer jobs a case needs: one per BPMN timer waiting in its engine while it runs. */
export function wantedTimers(record: Pick<CaseHead, '_id' | 'status' | 'timers'>): TimerJob[] {
  if (record.status !== 'running') return [];
  return (record.timers ?? []).map(({ executionId, stepId, fireAt }) => {
    const at = new Date(fireAt).getTime();
    return { id: `timer~${record._id}~${executionId}~${at}`, caseId: record._id, executionId, stepId, at };
  });
}

/**
 * The deadline jobs a case needs now: for each running (not paused) clock of a running case,
 * its yellow card at warnAt and its red card at due, unless that card is up already. The
 * executor schedules the difference between two revisions; the reconciler schedules all of them
 * again after Redis lost its data. A fired job leaves Redis, so a card already raised must not
 * be wanted again, or every reconcile would fire it once more.
 */
export function wantedDeadlines(record: Pick<CaseHead, '_id' | 'status' | 'clock' | 'openTasks' | 'notices' | 'alerts' | 'deferredMaterials'>): DeadlineJob[] {
  const noticeJobs = (record.notices ?? [])
    .filter((notice) => awaitsReply(notice) && notice.clock.due)
    .map((notice) => job(record._id, noticeClockKey(notice), 'red', new Date(notice.clock.due as Date).getTime()));
  // 容缺受理's limit: when it runs out with the materials still outstanding, the application is refused
  const deferred = record.deferredMaterials;
  const deferredJobs = record.status === 'running' && deferred && deferred.handedInAt === null && deferred.clock.due ? [job(record._id, deferredClockKey, 'red', new Date(deferred.clock.due).getTime())] : [];
  const clocks: Array<[string, Clock | null]> = record.status === 'running' ? [['case', record.clock], ...record.openTasks.map((task): [string, Clock | null] => [task.id, task.clock])] : [];
  const raised = new Set((record.alerts ?? []).map((alert) => alert.id));
  return [...clocks.flatMap(([clockKey, clock]) => (clock ? jobsOf(record._id, clockKey, clock) : [])), ...noticeJobs, ...deferredJobs].filter((wanted) => !raised.has(alertId(wanted.level, wanted.caseId, wanted.clockKey)));
}

/** The id of the card a clock's deadline raises (电子监察 黄牌 · 红牌): one per level and clock of a case. */
export function alertId(level: AlertLevel, caseId: string, clockKey: string): string {
  return `${level}~${caseId}~${clockKey}`;
}

/** The clock key of the limit of the materials 容缺受理 accepted without (cases/deferred-materials). */
export const deferredClockKey = 'deferred-materials';

/**
 * The clock key of a notice's reply limit; it only ever gets a red card (a late reply). Each
 * round the office sends has a key of its own, so a second late reply gets a card of its own.
 */
export function noticeClockKey(notice: Pick<Notice, 'id' | 'round'>): string {
  return (notice.round ?? 1) > 1 ? `notice.${notice.id}.r${notice.round}` : `notice.${notice.id}`;
}

/** The department still owes this round's reply: none came and the office has not closed the notice. */
export function awaitsReply(notice: Pick<Notice, 'reply' | 'closed'>): boolean {
  return notice.reply === null && !notice.closed;
}

function jobsOf(caseId: string, clockKey: string, clock: Clock): DeadlineJob[] {
  const jobs: DeadlineJob[] = [];
  if (clock.warnAt) jobs.push(job(caseId, clockKey, 'yellow', new Date(clock.warnAt).getTime()));
  if (clock.due) jobs.push(job(caseId, clockKey, 'red', new Date(clock.due).getTime()));
  return jobs;
}

/** BullMQ ids may not contain ':'; the due time is part of the id so a moved deadline is a new job. */
function job(caseId: string, clockKey: string, level: AlertLevel, at: number): DeadlineJob {
  return { id: `${level}~${caseId}~${clockKey}~${at}`, caseId, clockKey, level, at };
}
