import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { RatingView } from './case-types';

/**
 * The applicant's ratings (好差评), oldest first: the stage and level, the comment, and for a poor
 * one where its follow-up (整改) stands — due by a date, or the department's answer (回访).
 */
export function ratingList(ratings: RatingView[]): HTMLElement {
  return h('ul', { class: 'rating-list' }, ...ratings.map(ratingItem));
}

/** A rating's level in words: 非常满意 … 非常不满意. */
export function scoreLabel(score: RatingView['score']): string {
  return t(`case.rating.score.${score}`);
}

function ratingItem(rating: RatingView): HTMLElement {
  return h(
    'li',
    { class: 'panel', dataset: { stage: rating.stage, score: String(rating.score) } },
    h('p', {}, h('strong', {}, `${t(`case.rating.stage.${rating.stage}`)}：${scoreLabel(rating.score)}`), h('span', { class: 'muted' }, ` ${chinaTime(rating.at)}`)),
    rating.comment ? h('p', { class: 'rating-comment' }, rating.comment) : null,
    rating.followUp ? followUp(rating.followUp) : null,
  );
}

function followUp(state: NonNullable<RatingView['followUp']>): HTMLElement {
  if (!state.reply) return h('p', { class: 'follow-up muted', dataset: { state: 'waiting' } }, t('case.rating.followUpWaiting', { date: state.dueDate ?? '' }));
  return h('div', { class: 'follow-up', dataset: { state: 'answered' } }, h('p', {}, h('strong', {}, t('case.rating.followUpAnswer')), `（${chinaTime(state.reply.at)}）`), h('p', {}, state.reply.explanation));
}
