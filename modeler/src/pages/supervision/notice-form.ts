import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { messageLine, showProblem } from './problem';
import { sendNotice, type Department } from './supervision-api';

export interface NoticeDraft {
  /** The case by the receipt number the office reads on its papers and the board (受理编号). */
  receiptNo?: string;
  department?: string | null;
}

/**
 * The office's form to send a supervision notice (督办) about a case to a department, with a
 * reply limit (default 5 working days). The server's refusal is shown under the form.
 */
export function noticeForm(departments: Department[], draft: NoticeDraft, sent: () => void): HTMLFormElement {
  const receiptNo = h('input', { name: 'receiptNo', required: true, value: draft.receiptNo ?? '', maxlength: 40, placeholder: t('sup.notice.caseHint') });
  const known = draft.department && !departments.some((unit) => unit.code === draft.department) ? [{ code: draft.department, name: draft.department }, ...departments] : departments;
  const department =
    known.length > 0
      ? h('select', { name: 'department', required: true }, ...known.map((unit) => h('option', { value: unit.code, selected: unit.code === draft.department }, unit.name)))
      : h('input', { name: 'department', required: true, value: draft.department ?? '', placeholder: 'market-bureau' });
  const message = h('textarea', { name: 'message', required: true, rows: 3, minlength: 2, maxlength: 4000, placeholder: t('sup.notice.messageHint') });
  const replyLimit = h('input', { name: 'replyLimit', value: '5WD', pattern: '\\d+(WD|D|H)', size: 6, title: t('sup.notice.limitHint') });
  const result = messageLine();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('sup.notice.send'));
  const form = h(
    'form',
    {
      class: 'fields sup-notice-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        result.textContent = '';
        try {
          await sendNotice({ receiptNo: receiptNo.value.trim(), department: department.value.trim(), message: message.value.trim(), replyLimit: replyLimit.value.trim() || '5WD' });
          message.value = '';
          result.className = 'sup-message ok';
          result.textContent = t('sup.notice.sent');
          sent();
        } catch (error) {
          result.className = 'error sup-message';
          showProblem(result, error);
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('label', {}, t('sup.notice.case'), receiptNo),
    h('label', {}, t('sup.notice.department'), department),
    h('label', {}, t('sup.notice.message'), message),
    h('label', {}, t('sup.notice.replyLimit'), replyLimit),
    h('div', { class: 'toolbar' }, submit),
    result,
  );
  return form;
}
