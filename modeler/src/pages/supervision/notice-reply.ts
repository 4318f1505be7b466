import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { messageLine, showProblem } from './problem';
import { replyNotice } from './supervision-api';
import type { Notice } from './types';

/** Department staff answer a notice with a written explanation (情况说明); a late one still goes, and shows as late. */
export function replyForm(notice: Notice, replied: () => void): HTMLFormElement {
  const explanation = h('textarea', { name: 'explanation', required: true, rows: 3, minlength: 2, maxlength: 8000, placeholder: t('sup.reply.hint') });
  const result = messageLine();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('sup.reply.submit'));
  return h(
    'form',
    {
      class: 'fields sup-reply-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          await replyNotice(notice.id, explanation.value.trim());
          replied();
        } catch (error) {
          showProblem(result, error);
          submit.disabled = false;
        }
      },
    },
    h('label', {}, t('sup.reply.explanation'), explanation),
    h('div', { class: 'toolbar' }, submit),
    result,
  );
}
