import type { StepCatalogue } from '../definitions';
import type { CaseAlert, CaseRecord, OpenTask, SupplementRequest } from '../records';
import { departmentsOf } from '../tasks';

/** Decisions that refuse or deny an application; DOMAIN.md requires reasons for them. */
const negativeDecisions = new Set(['refuse', 'deny', 'reject']);

/** What a step's completion decided, for the compliance rules. */
export interface Completion {
  task: OpenTask;
  decision: string | undefined;
  comment: string | undefined;
  by: string;
  at: Date;
  /** The case's variables after the step, its form data included. */
  variables: Record<string, unknown>;
  /** Whether the step decides the case (govflow:decisive). */
  decisive: boolean;
  /** The 补正 the step asked for, if it sent the case back to the applicant. */
  supplementRequest: SupplementRequest | null;
}

/**
 * Compliance points (监察点) a step's completion breaks, as red cards of kind `compliance`:
 * a refusal or denial without reasons; on a decisive step, a major case (variable `major`)
 * decided without the process's legal review step (Penalty Law §58), and a fine outside the
 * discretion range (自由裁量基准): the process's govflow:discretion range for the case's
 * `violation`, else the range the case carries in `fineMin` / `fineMax`; a 补正 asking for a
 * material no earlier 补正 of the case listed (一次性告知).
 */
export function compliancePoints(record: CaseRecord, completion: Completion, catalogue: StepCatalogue): CaseAlert[] {
  const broken: string[] = [];
  const { decision, comment, variables } = completion;
  if (decision !== undefined && negativeDecisions.has(decision) && (comment ?? '').trim() === '') broken.push('decision-without-reasons');
  if (completion.decisive) {
    const review = catalogue.clock.legalReviewStep;
    if (review && variables.major === true && !record.completedSteps.includes(review)) broken.push('major-penalty-without-legal-review');
    const range = catalogue.discretion.find((candidate) => candidate.violation === variables.violation);
    if (outsideRange(variables.fine, range?.fineMin ?? variables.fineMin, range?.fineMax ?? variables.fineMax)) broken.push('fine-outside-discretion-range');
  }
  if (toldAgain(record.supplementRequests ?? [], completion.supplementRequest)) broken.push('supplement-not-told-at-once');
  return broken.map((rule) => compliancePoint(record, completion, rule));
}

/** 一次性告知: a later 补正 asks for a material no earlier one listed — it should have been told the first time. */
function toldAgain(earlier: readonly SupplementRequest[], asked: SupplementRequest | null): boolean {
  if (!asked || earlier.length === 0) return false;
  const listed = new Set(earlier.flatMap((request) => request.materials.map((material) => material.material)));
  return asked.materials.some((material) => !listed.has(material.material));
}

/** A fine imposed (above zero) outside the range; no fine — 不予处罚, a warning only — is nothing to check. */
function outsideRange(fine: unknown, min: unknown, max: unknown): boolean {
  if (typeof fine !== 'number' || fine <= 0) return false;
  return (typeof min === 'number' && fine < min) || (typeof max === 'number' && fine > max);
}

/** 许可法§32: the acceptance step ran past its limit undecided, so the application counts as accepted; its handler (if any) answers for it. */
export function deemedAcceptancePoint(record: CaseRecord, task: OpenTask, at: Date): CaseAlert {
  return compliancePoint(record, { task, by: task.assignee, at }, 'deemed-acceptance');
}

function compliancePoint(record: CaseRecord, { task, by, at }: Pick<Completion, 'task' | 'at'> & { by: string | null }, rule: string): CaseAlert {
  return {
    id: `red~${record._id}~compliance.${task.id}.${rule}`,
    level: 'red',
    kind: 'compliance',
    rule,
    clockKey: `compliance.${task.id}`,
    stepName: task.name,
    department: departmentsOf(task)[0] ?? null,
    handler: by,
    dueAt: at,
    raisedAt: at,
    status: 'open',
    workDone: true,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  };
}
