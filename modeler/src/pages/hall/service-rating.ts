import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseView, RatingStage, RatingView } from '../case/case-types';
import { ratingList, scoreLabel } from '../case/rating-list';
import { FieldErrors } from '../inbox/field-errors';
import { rateCase } from './hall-api';

/** The five levels of 好差评, best first, as the applicant chooses them. */
const SCORES = [5, 4, 3, 2, 1] as const;

/**
 * 服务评价 (好差评): what the applicant said of each stage and what the department answered to a
 * poor rating (回访); and a form for each stage they may rate now. Null when there is neither.
 */
export function serviceRatings(item: CaseView, rated: (notice: string) => void): HTMLElement | null {
  const rateable = item.rateable ?? [];
  if (item.ratings.length === 0 && rateable.length === 0) return null;
  return h(
    'section',
    { class: 'ratings', id: 'ratings' },
    h('h2', {}, t('hall.rating.title')),
    item.ratings.length > 0 ? ratingList(item.ratings) : null,
    ...rateable.map((stage) => ratingForm(item.id, stage, rated)),
  );
}

/** Five levels as radio buttons and a comment, needed for 不满意 and worse, which the department must follow up. */
function ratingForm(caseId: string, stage: RatingStage, rated: (notice: string) => void): HTMLElement {
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const comment = h('textarea', { id: `rating-comment-${stage}`, name: 'comment', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('hall.rating.submit'));
  const form = h(
    'form',
    {
      class: 'rating-form panel',
      dataset: { stage },
      novalidate: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        errors.clear();
        const chosen = form.querySelector<HTMLInputElement>('input[name=score]:checked');
        if (!chosen) return void errors.show('/score', t('hall.rating.chooseScore'));
        const score = Number(chosen.value) as RatingView['score'];
        const text = comment.value.trim();
        if (score <= 2 && !text) return void errors.show('/comment', t('hall.rating.sayWhy'));
        submit.disabled = true;
        try {
          await rateCase(caseId, { stage, score, ...(text ? { comment: text } : {}) });
          rated(t(score <= 2 ? 'hall.rating.thanksFollowUp' : 'hall.rating.thanks'));
        } catch (error) {
          errors.showError(error);
          submit.disabled = false;
        }
      },
    },
    h(
      'fieldset',
      { class: 'rating-scores' },
      h('legend', {}, t(`hall.rating.ask.${stage}`)),
      ...SCORES.map((score) => h('label', { class: 'rating-score' }, h('input', { type: 'radio', name: 'score', value: String(score) }), scoreLabel(score))),
      errors.slot('/score'),
    ),
    h('div', { class: 'field' }, h('label', { for: comment.id }, t('hall.rating.comment')), comment, errors.slot('/comment')),
    errors.general,
    submit,
  );
  return form;
}
