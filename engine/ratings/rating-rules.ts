import { startClock } from '../clocks';
import { ConflictError } from '../errors';
import type { CaseRecord, Notice, Rating, RatingScore, RatingStage, StepCatalogue } from '../records';
import type { WorkingCalendar } from '../time';

/** The five levels of 好差评 (GB/T 39735), by score. */
export const SCORE_LABELS: Record<RatingScore, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

const STAGE_LABELS: Record<RatingStage, string> = { acceptance: '受理', completion: '办结' };

/** 不满意 and 非常不满意 are 差评: each must be followed up (整改) by the department rated. */
export function isPoor(score: RatingScore): boolean {
  return score <= 2;
}

/** Good ratings for the satisfaction rate: 基本满意 and better. */
export function isSatisfied(score: RatingScore): boolean {
  return score >= 3;
}

/** What a rating is about: the step and the department of the stage rated. */
interface RatedStep {
  stepId: string | null;
  stepName: string | null;
  department: string | null;
}

/** What the stage checks read of a case. */
type RatedCase = Pick<CaseRecord, 'receiptNo' | 'status' | 'ratings' | 'acceptance' | 'completedSteps' | 'opinions' | 'departments'>;

/**
 * Why a stage cannot be rated now, or null when it can: 受理 once the acceptance step decided
 * (accepted, deemed accepted or refused), 办结 once the case is completed; each stage once.
 */
export function stageProblem(current: RatedCase, stage: RatingStage, catalogue: Pick<StepCatalogue, 'clock'>): string | null {
  if ((current.ratings ?? []).some((rating) => rating.stage === stage)) return `the ${STAGE_LABELS[stage]} of case ${current.receiptNo} was rated already; a stage is rated once`;
  if (stage === 'completion') return current.status === 'completed' ? null : `case ${current.receiptNo} is not completed (办结) yet; its handling is rated once it is`;
  const step = catalogue.clock.clockStart;
  if (!step) return `the process of case ${current.receiptNo} has no acceptance step (受理) to rate`;
  return current.acceptance || current.completedSteps.includes(step) ? null : `case ${current.receiptNo} is not accepted or refused yet; the window is rated once it decided`;
}

/** The stages the applicant may rate now, for their view of the case. */
export function rateableStages(current: RatedCase, catalogue: Pick<StepCatalogue, 'clock'>): RatingStage[] {
  return (['acceptance', 'completion'] as const).filter((stage) => stageProblem(current, stage, catalogue) === null);
}

/**
 * The step and department a stage rates: the acceptance step, or the step that ended the case.
 * The department is the case's first, the one that received it, which is also whom the figures
 * charge its cards to. Throws ConflictError for a stage rated already or not reached yet.
 */
export function ratedStep(current: RatedCase, stage: RatingStage, catalogue: Pick<StepCatalogue, 'clock' | 'names'>): RatedStep {
  const problem = stageProblem(current, stage, catalogue);
  if (problem) throw new ConflictError(problem);
  const department = current.departments[0] ?? null;
  if (stage === 'acceptance') {
    const step = catalogue.clock.clockStart as string;
    return { stepId: step, stepName: catalogue.names[step] ?? step, department };
  }
  const last = current.opinions.at(-1);
  return { stepId: last?.stepId ?? null, stepName: last?.stepName ?? null, department };
}

/** The follow-up (差评整改) of a poor rating: a notice to the department rated, answered within the limit and tracked like the office's notices. */
export function followUpNotice(current: CaseRecord, rating: Rating, department: string, limit: string, calendar: WorkingCalendar): Notice {
  const comment = rating.comment ? `：${rating.comment}` : '';
  return {
    id: `${current._id}~n${current.notices.length + 1}`,
    department,
    message: `差评整改（${STAGE_LABELS[rating.stage]}·${SCORE_LABELS[rating.score]}）${comment}`,
    sentBy: rating.by,
    sentAt: rating.at,
    clock: startClock(limit, 1, rating.at, calendar),
    reply: null,
    ratingId: rating.id,
  };
}

/** What the applicant is told when the department answers the follow-up of their rating (回访). */
export function revisitMessage(receiptNo: string, explanation: string): string {
  return `您对办件 ${receiptNo} 的评价已收到整改答复：${explanation}`;
}

/** What the department and the office are told of a poor rating. */
export function followUpMessage(receiptNo: string, rating: Rating, notice: Notice): string {
  return `办件 ${receiptNo} 收到差评（${SCORE_LABELS[rating.score]}），请于 ${notice.clock.dueDate ?? ''} 前完成整改并答复`;
}
