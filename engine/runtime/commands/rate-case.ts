import { ForbiddenError, InvalidInputError } from '../../errors';
import { followUpMessage, followUpNotice, isPoor, ratedStep, SCORE_LABELS } from '../../ratings';
import type { CaseRecord, Notice, Rating, RatingScore, RatingStage } from '../../records';
import { hasRole } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext } from '../command';

export interface RatingInput {
  stage: RatingStage;
  score: RatingScore;
  comment?: string;
}

/**
 * The applicant rates a stage of their case (好差评), once per stage. A poor rating (不满意 or
 * 非常不满意) opens its follow-up (整改): a notice to the department rated with the follow-up
 * limit, which the supervision office tracks as it does its own — a late answer raises a red card.
 */
export class RateCase implements CaseCommand<Rating> {
  readonly name = 'RateCase';

  constructor(
    readonly caseId: string,
    readonly input: RatingInput,
    readonly followUpLimit: string,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Rating>> {
    if (current.applicant !== context.actor.username || !hasRole(context.actor, 'applicant')) throw new ForbiddenError('only the applicant rates a case');
    if (isPoor(this.input.score) && !this.input.comment) {
      const message = `say what was wrong: a rating of ${SCORE_LABELS[this.input.score]} needs a comment, which the department follows up`;
      throw new InvalidInputError(message, [{ path: '/comment', message }], 422);
    }
    const definition = await context.definitions.get(current.processKey, current.version);
    const step = ratedStep(current, this.input.stage, definition.catalogue);
    const rating: Rating = { id: `${current._id}~r-${this.input.stage}`, stage: this.input.stage, score: this.input.score, comment: this.input.comment ?? null, by: context.actor.username, at: context.now, ...step, followUp: null };
    const notice = isPoor(rating.score) && step.department ? followUpNotice(current, rating, step.department, this.followUpLimit, context.calendar) : null;
    const rated = { ...rating, followUp: notice?.id ?? null };
    return {
      next: { ...current, ratings: [...(current.ratings ?? []), rated], notices: notice ? [...current.notices, notice] : current.notices },
      audit: { action: 'case.rated', stepId: step.stepId, stepName: step.stepName, decision: SCORE_LABELS[rating.score], comment: this.input.comment },
      notifications: notice ? followUpNotifications(current, rated, notice) : [],
      result: rated,
    };
  }
}

/** The department must follow the poor rating up; the office overseeing it watches that it does. */
function followUpNotifications(current: CaseRecord, rating: Rating, notice: Notice): NonNullable<CaseChange<Rating>['notifications']> {
  const message = followUpMessage(current.receiptNo, rating, notice);
  return [
    { audience: { department: notice.department }, kind: 'rating.follow-up', message },
    { audience: { role: 'supervisor', about: notice.department }, kind: 'rating.follow-up', message },
  ];
}
