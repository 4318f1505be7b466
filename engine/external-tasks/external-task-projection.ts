import type { CaseRecord, Effect, ExternalTask, ExternalTaskRecord } from '../records';
import type { Collections } from '../store/collections';
import { replaceIfNewer } from '../store/projection-writes';
import { availableAt, externalTasksOf } from './case-external-tasks';

/** How an external task left its case: completed by the worker (or ended by its BPMN error), else cancelled with its step. */
interface Closing {
  status: 'completed' | 'cancelled';
  by: string | null;
}

/**
 * The external-task projections a revision changes: each task opened, locked, unlocked,
 * failed or retried, and each that left the case. Called by the executor's revision effects.
 */
export function externalTaskEffects(current: CaseRecord | null, next: CaseRecord, completed: { taskId: string; by: string } | undefined, rev: number, now: Date): Effect[] {
  const before = current ? externalTasksOf(current) : [];
  const after = next.status === 'running' ? externalTasksOf(next) : [];
  const unchanged = new Set(before.map((task) => JSON.stringify(task)));
  const effects: Effect[] = after.filter((task) => !unchanged.has(JSON.stringify(task))).map((task) => ({ kind: 'external-task.upsert', task: externalTaskRecord(next, task, rev, now) }));
  for (const task of before) {
    if (after.some((candidate) => candidate.id === task.id)) continue;
    const closing: Closing = completed?.taskId === task.id ? { status: 'completed', by: completed.by } : { status: 'cancelled', by: null };
    effects.push({ kind: 'external-task.upsert', task: externalTaskRecord(next, task, rev, now, closing) });
  }
  return effects;
}

function externalTaskRecord(record: CaseRecord, task: ExternalTask, rev: number, now: Date, closing?: Closing): ExternalTaskRecord {
  const fetchable = !closing && task.retries !== 0;
  return {
    _id: task.id,
    caseId: record._id,
    departments: record.departments,
    receiptNo: record.receiptNo,
    processKey: record.processKey,
    stepId: task.stepId,
    name: task.name,
    topic: task.topic,
    status: closing?.status ?? 'open',
    ...(fetchable ? { topicKey: task.topic } : {}),
    availableAt: availableAt(task),
    lock: closing ? null : task.lock,
    retries: task.retries,
    failure: task.failure,
    createdAt: task.createdAt,
    closedAt: closing ? now : null,
    completedBy: closing?.by ?? null,
    caseRev: rev,
  };
}

/** Applies a revision's external-task.upsert effects in one write; an older revision's never overwrites a newer one. */
export function projectExternalTasks(collections: Collections, tasks: ExternalTaskRecord[]): Promise<void> {
  return replaceIfNewer(collections.externalTasks, tasks, 'caseRev');
}
