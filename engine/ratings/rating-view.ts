import type { CaseHead, Notice, RatingScore, RatingStage } from '../records';

/** A rating as the case answer shows it, with its follow-up (整改) and the department's answer to it. */
export interface RatingView {
  stage: RatingStage;
  score: RatingScore;
  comment: string | null;
  at: string;
  stepName: string | null;
  department: string | null;
  followUp: { dueDate: string | null; reply: { at: string; explanation: string } | null } | null;
}

/** The case's ratings, oldest first. The applicant reads the answer to their complaint; who answered stays out, as elsewhere in their view. */
export function ratingViews(record: Pick<CaseHead, 'ratings' | 'notices'>): RatingView[] {
  return (record.ratings ?? []).map(({ stage, score, comment, at, stepName, department, followUp }) => ({
    stage,
    score,
    comment,
    at: new Date(at).toISOString(),
    stepName,
    department,
    followUp: followUpView(record.notices.find((notice) => notice.id === followUp)),
  }));
}

function followUpView(notice: Notice | undefined): RatingView['followUp'] {
  if (!notice) return null;
  return { dueDate: notice.clock.dueDate, reply: notice.reply ? { at: new Date(notice.reply.at).toISOString(), explanation: notice.reply.explanation } : null };
}
