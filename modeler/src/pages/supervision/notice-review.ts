import { confirmStep } from '../../shared/confirm-step';
import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import { messageLine, showProblem } from './problem';
import { reviewNotice, type NoticeReview } from './supervision-api';
import type { Notice } from './types';

type Step = NoticeReview['step'];

/**
 * The office's steps on an open notice: a reply is accepted (认可) or turned back to be
 * explained again (退回重新说明); an unanswered one is sent again (再次督办); either may be
 * ended (结束督办). Accepting and ending cannot be undone, so they ask once more.
 */
export function reviewActions(notice: Notice, changed: () => void): HTMLElement | null {
  if (notice.closed) return null;
  const steps: Step[] = notice.reply ? ['accept', 'reject', 'close'] : ['reissue', 'close'];
  return h('div', { class: 'sup-review' }, ...steps.map((step) => h('details', { class: `sup-step`, dataset: { step } }, h('summary', {}, t(`sup.review.${step}`)), stepForm(notice, step, changed))));
}

function stepForm(notice: Notice, step: Step, changed: () => void): HTMLFormElement {
  const asksAgain = step === 'reject' || step === 'reissue';
  const text = h('textarea', { name: asksAgain ? 'reason' : 'comment', rows: 2, required: step !== 'accept', minlength: 2, maxlength: 2000, placeholder: t(`sup.review.${step}.hint`) });
  const replyLimit = h('input', { name: 'replyLimit', value: '5WD', pattern: '\\d+(WD|D|H)', size: 6, title: t('sup.notice.limitHint') });
  const result = messageLine();
  const submit = h('button', { type: 'submit', class: step === 'close' ? 'end-notice' : 'primary' }, t(`sup.review.${step}.submit`));
  const confirmation = confirmStep(submit, 'sup-confirm');
  const review = (): NoticeReview => {
    const words = text.value.trim();
    if (step === 'accept') return { step, ...(words ? { comment: words } : {}) };
    if (step === 'close') return { step, comment: words };
    return { step, reason: words, replyLimit: replyLimit.value.trim() || '5WD' };
  };
  text.addEventListener('input', () => confirmation.reset());
  return h(
    'form',
    {
      class: 'fields sup-review-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        if (!asksAgain && !confirmation.confirmed(t(`sup.review.${step}.confirm`, { receiptNo: notice.receiptNo }))) return;
        submit.disabled = true;
        try {
          await reviewNotice(notice.id, review());
          changed();
        } catch (error) {
          showProblem(result, error);
          confirmation.reset();
          submit.disabled = false;
        }
      },
    },
    h('label', {}, t(asksAgain ? 'sup.review.reason' : 'sup.review.comment'), text),
    asksAgain ? h('label', {}, t('sup.notice.replyLimit'), replyLimit) : null,
    confirmation.element,
    h('div', { class: 'toolbar' }, submit),
    result,
  );
}

/** How the office ended a notice, by whom and when, in one line. */
export function closedLine(notice: Notice, names: Names): HTMLElement | null {
  const { closed } = notice;
  if (!closed) return null;
  return h('p', { class: 'sup-closed' }, h('strong', {}, t(`sup.notice.status.${closed.how}`)), ` · ${personName(names, closed.by)} · ${chinaTime(closed.at)}`, closed.comment ? `：${closed.comment}` : '');
}

/** The rounds before this one (退回 or 再次督办), oldest first, folded away. */
export function earlierRounds(notice: Notice, names: Names): HTMLElement | null {
  const earlier = notice.earlier ?? [];
  if (earlier.length === 0) return null;
  return h(
    'details',
    { class: 'sup-earlier' },
    h('summary', {}, t('sup.notice.earlier', { count: earlier.length })),
    h(
      'ol',
      {},
      ...earlier.map((round) =>
        h(
          'li',
          {},
          h('p', {}, round.message, h('small', { class: 'muted' }, ` · ${personName(names, round.sentBy)} · ${chinaTime(round.sentAt)}`)),
          h('p', {}, round.reply ? `${t('sup.notices.col.reply')}：${round.reply.explanation}（${personName(names, round.reply.by)} · ${chinaTime(round.reply.at)}）` : t('sup.reply.none')),
          h('p', { class: 'muted' }, t(`sup.notice.ended.${round.ended.how}`, { by: personName(names, round.ended.by), at: chinaTime(round.ended.at), reason: round.ended.reason })),
        ),
      ),
    ),
  );
}
