import type { CaseAlert, CaseRecord, OpenTask } from '../store/records';
import { departmentsOf } from '../tasks';

/** Decisions that refuse or deny an application; DOMAIN.md requires reasons for them. */
const negativeDecisions = new Set(['refuse', 'deny', 'reject']);

/**
 * Compliance point (监察点): a refusal or denial decided without reasons. Raised as a red card
 * of kind `compliance` when a step completes with such a decision and no opinion.
 */
export function decisionWithoutReasons(record: CaseRecord, task: OpenTask, decision: string | undefined, comment: string | undefined, by: string, now: Date): CaseAlert | null {
  if (decision === undefined || !negativeDecisions.has(decision) || (comment ?? '').trim() !== '') return null;
  return {
    id: `red~${record._id}~compliance.${task.id}`,
    level: 'red',
    kind: 'compliance',
    rule: 'decision-without-reasons',
    clockKey: `compliance.${task.id}`,
    stepName: task.name,
    department: departmentsOf(task)[0] ?? null,
    handler: by,
    dueAt: now,
    raisedAt: now,
    status: 'open',
    workDone: true,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  };
}
