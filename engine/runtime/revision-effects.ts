import type { AuditRecord, CaseAlert, CaseIncident, CaseRecord, MessageRecord, Notice, OpenTask, TaskRecord } from '../records';
import { callEffects } from '../calls/call-effects';
import { externalTaskEffects } from '../external-tasks/external-task-projection';
import { incidentRecord, incidentsOf } from '../incidents';
import { awaitsReply, wantedDeadlines, wantedTimers } from '../deadlines';
import { caseItemRecord } from '../supervision';
import { inboxKeys, openUnitsOf } from '../tasks';
import { audienceKeys } from '../users';
import type { CaseChange } from './command';
import type { Effect } from '../records';

/**
 * The effects of a new revision (its outbox): what changed between the case before and after
 * the command, outside the case document — tasks, external tasks, cards, notices, notifications, durable jobs,
 * incidents, the audit entries — and, once the case has ended, the pruning of revisions nobody reads again.
 * Called by the executor when it seals a revision; applied by outbox-applier.ts.
 */
export function revisionEffects(current: CaseRecord | null, next: CaseRecord, change: CaseChange<unknown>, entries: AuditRecord[], rev: number, now: Date, thrown: MessageRecord[] = []): Effect[] {
  return [
    ...taskEffects(current?.openTasks ?? [], next, change, rev, now),
    ...externalTaskEffects(current, next, change.completed, rev, now),
    ...callEffects(current, next, change.completed?.taskId),
    ...alertEffects(current?.alerts ?? [], next, rev),
    ...noticeEffects(current?.notices ?? [], next, rev),
    ...incidentEffects(current ? incidentsOf(current) : [], next, rev),
    ...notificationEffects(current, next, change, rev, now),
    ...deadlineEffects(current, next),
    ...pruneEffects(current, next, rev),
    ...entries.map((entry): Effect => ({ kind: 'audit.append', entry })),
    ...thrown.map((message): Effect => ({ kind: 'message.throw', message })),
  ];
}

/**
 * The revision that ends a case prunes every earlier one; each revision after that (a notice
 * answered, a card closed, a copy) prunes the one before it. The newest is always kept whole.
 */
function pruneEffects(current: CaseRecord | null, next: CaseRecord, rev: number): Effect[] {
  if (!current || next.status === 'running') return [];
  return [{ kind: 'revisions.prune', from: current.status === 'running' ? 1 : rev - 1, to: rev }];
}

/** Alert projections for every card raised or changed by this revision. */
function alertEffects(before: CaseAlert[], next: CaseRecord, rev: number): Effect[] {
  return changed(before, next.alerts).map((alert) => ({ kind: 'alert.upsert', alert: caseItemRecord(next, alert, rev) }));
}

/** Notice projections for every notice sent or answered by this revision. */
function noticeEffects(before: Notice[], next: CaseRecord, rev: number): Effect[] {
  return changed(before, next.notices).map((notice) => ({ kind: 'notice.upsert', notice: { ...caseItemRecord(next, notice, rev), awaitingReply: awaitsReply(notice), awaitingReview: notice.reply !== null && !notice.closed } }));
}

/** Incident projections for every incident recorded, counted again or resolved by this revision. */
function incidentEffects(before: CaseIncident[], next: CaseRecord, rev: number): Effect[] {
  return changed(before, incidentsOf(next)).map((incident) => ({ kind: 'incident.upsert', incident: incidentRecord(next, incident, rev) }));
}

/** The items of `after` that are new or differ from their version in `before`. */
function changed<Item>(before: Item[], after: Item[]): Item[] {
  const unchanged = new Set(before.map((item) => JSON.stringify(item)));
  return after.filter((item) => !unchanged.has(JSON.stringify(item)));
}

/** The unit a notification to an overseeing role is about, when there is one. */
function aboutUnit(unit: string | null | undefined): { about?: string } {
  return unit ? { about: unit } : {};
}

/**
 * The command's notifications, the applicant's when the case is decided, and one per card newly raised: to the step's handler (else its
 * department), and red cards to the supervision office too. Ids are per revision, so a
 * replayed outbox sends nothing twice.
 */
function notificationEffects(current: CaseRecord | null, next: CaseRecord, change: CaseChange<unknown>, rev: number, now: Date): Effect[] {
  const raised = next.alerts.filter((alert) => !(current?.alerts ?? []).some((old) => old.id === alert.id));
  const wanted = [
    ...(change.notifications ?? []),
    ...decidedNotifications(current, next),
    ...raised.flatMap((alert) => {
      const message = `${alert.level === 'red' ? '红牌' : '黄牌'} ${next.receiptNo} ${alert.stepName ?? next.title}`;
      const audience = alert.handler ? { users: [alert.handler] } : { department: alert.department ?? undefined };
      return [{ audience, kind: `alert.${alert.level}`, message }, ...(alert.level === 'red' ? [{ audience: { role: 'supervisor' as const, ...aboutUnit(alert.department ?? next.departments[0]) }, kind: 'alert.red', message }] : [])];
    }),
  ];
  return wanted.map((notification, index) => ({
    kind: 'notification.send',
    notification: { _id: `${next._id}~${rev}~${index}`, caseId: next._id, at: now, ...notification, audienceKeys: audienceKeys(notification.audience) },
  }));
}

/** The applicant is told when their application is decided (办结) and what it came to; a case another case called is that case's business. */
function decidedNotifications(current: CaseRecord | null, next: CaseRecord): Array<{ audience: { users: string[] }; kind: string; message: string }> {
  if (current?.status !== 'running' || next.status !== 'completed' || next.parent) return [];
  const outcome = (next.outcome ?? []).map((end) => end.name).join('、');
  return [{ audience: { users: [next.applicant] }, kind: 'case.decided', message: `您的申请已办结：${next.receiptNo} ${next.title}${outcome ? `，办理结果：${outcome}` : ''}` }];
}

/**
 * Durable jobs to add for clocks and BPMN timers that started or moved, and to remove for those
 * that stopped, moved or ended; ids are deterministic, so this is a set difference.
 */
function deadlineEffects(current: CaseRecord | null, next: CaseRecord): Effect[] {
  const before = new Set([...(current ? wantedDeadlines(current) : []), ...(current ? wantedTimers(current) : [])].map((job) => job.id));
  const deadlines = wantedDeadlines(next);
  const timers = wantedTimers(next);
  const after = new Set([...deadlines, ...timers].map((job) => job.id));
  return [
    ...deadlines.filter((job) => !before.has(job.id)).map((job): Effect => ({ kind: 'deadline.schedule', job })),
    ...timers.filter((job) => !before.has(job.id)).map((job): Effect => ({ kind: 'timer.schedule', job })),
    ...[...before].filter((id) => !after.has(id)).map((jobId): Effect => ({ kind: 'deadline.cancel', jobId })),
  ];
}

/** Task projections for every task that opened, changed or closed between two case revisions. */
function taskEffects(before: OpenTask[], next: CaseRecord, change: CaseChange<unknown>, rev: number, now: Date): Effect[] {
  const effects: Effect[] = [];
  const project = (task: OpenTask, closing?: Pick<TaskRecord, 'status' | 'completedAt' | 'completedBy' | 'decision'>): Effect => ({ kind: 'task.upsert', task: taskRecord(next, task, rev, closing) });
  for (const task of next.openTasks) {
    const previous = before.find((candidate) => candidate.id === task.id);
    if (!previous || !sameHolders(previous, task)) effects.push(project(task));
  }
  for (const task of before) {
    if (next.openTasks.some((candidate) => candidate.id === task.id)) continue;
    const completed = change.completed?.taskId === task.id ? change.completed : undefined;
    effects.push(
      project(task, {
        status: completed ? 'completed' : 'cancelled',
        completedAt: now,
        completedBy: completed?.by ?? null,
        decision: completed?.decision ?? null,
      }),
    );
  }
  return effects;
}

function sameHolders(a: OpenTask, b: OpenTask): boolean {
  return a.assignee === b.assignee && a.delegatedBy === b.delegatedBy && a.candidateGroups.join() === b.candidateGroups.join() && a.candidateUsers.join() === b.candidateUsers.join();
}

/** A task's projection, with the keys the inbox lists read it by. */
function taskRecord(record: CaseRecord, task: OpenTask, rev: number, closing?: Pick<TaskRecord, 'status' | 'completedAt' | 'completedBy' | 'decision'>): TaskRecord {
  const projected = {
    _id: task.id,
    caseId: record._id,
    caseTitle: record.title,
    receiptNo: record.receiptNo,
    applicant: record.applicant,
    processKey: record.processKey,
    stepId: task.stepId,
    name: task.name,
    status: 'open' as const,
    assignee: task.assignee,
    candidateUsers: task.candidateUsers,
    candidateGroups: task.candidateGroups,
    decisions: task.decisions,
    form: task.form,
    signer: task.countersign?.signer ?? null,
    delegatedBy: task.delegatedBy,
    createdAt: task.createdAt,
    due: task.clock?.due ?? null,
    warnAt: task.clock?.warnAt ?? null,
    clock: task.clock,
    completedAt: null,
    completedBy: null,
    decision: null,
    caseRev: rev,
    ...closing,
  };
  return { ...projected, ...inboxKeys(projected), openUnits: openUnitsOf(projected, record.departments) };
}
