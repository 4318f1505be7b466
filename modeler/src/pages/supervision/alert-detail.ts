import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName } from '../../shared/names';
import { groupText, levelBadge, ruleText, statusText, subjectText } from './labels';
import { noticeForm } from './notice-form';
import { messageLine, problemText, showProblem } from './problem';
import type { Abilities } from './roles';
import { closeAlert, getAlert, type Department } from './supervision-api';
import type { Alert, AlertDetail } from './types';

export interface DetailContext {
  abilities: Abilities;
  departments: Department[];
  /** A card was closed or a notice sent: the list should be read again. */
  changed: () => void;
}

/** Loads one card into `panel`, fresh from the server, and shows it. */
export async function showAlertDetail(panel: HTMLElement, id: string, context: DetailContext): Promise<void> {
  replaceChildren(panel, h('p', { class: 'notice' }, t('sup.loading')));
  try {
    renderDetail(panel, await getAlert(id), context);
  } catch (error) {
    replaceChildren(panel, h('p', { class: 'error', role: 'alert' }, t('sup.refused', { message: problemText(error) })));
  }
}

function renderDetail(panel: HTMLElement, alert: AlertDetail, context: DetailContext): void {
  const row = (label: string, value: Node | string) => [h('dt', {}, label), h('dd', {}, value)];
  replaceChildren(
    panel,
    h('h2', {}, levelBadge(alert.level), ' ', subjectText(alert)),
    h(
      'dl',
      { class: 'sup-facts' },
      ...row(t('sup.detail.case'), h('a', { href: `case.html?id=${encodeURIComponent(alert.caseId)}` }, alert.caseTitle)),
      ...row(t('sup.detail.receiptNo'), alert.receiptNo),
      ...row(t('sup.detail.caseId'), alert.caseId),
      ...row(t('sup.detail.process'), alert.processKey),
      ...row(t('sup.detail.kind'), t(`sup.kind.${alert.kind}`)),
      ...(alert.kind === 'compliance' ? row(t('sup.detail.rule'), ruleText(alert.rule)) : []),
      ...row(t('sup.detail.step'), alert.stepName ?? '—'),
      ...row(t('sup.detail.department'), groupText(alert.department, alert.departmentName)),
      ...row(t('sup.detail.handler'), alert.handler ? personName(alert.names, alert.handler) : '—'),
      ...row(alert.level === 'yellow' ? t('sup.detail.warnAt') : t('sup.detail.dueAt'), chinaTime(alert.dueAt)),
      ...row(t('sup.detail.raisedAt'), chinaTime(alert.raisedAt)),
      ...row(t('sup.detail.status'), h('span', { class: 'sup-status' }, statusText(alert))),
      ...(alert.status === 'closed'
        ? [...row(t('sup.detail.closedBy'), `${alert.closedBy ? personName(alert.names, alert.closedBy) : '—'} · ${chinaTime(alert.closedAt)}`), ...row(t('sup.detail.closeNote'), h('span', { class: 'sup-close-note' }, alert.closeNote ?? '—'))]
        : []),
    ),
    context.abilities.supervise && alert.status !== 'closed' ? closeForm(panel, alert, context) : null,
    context.abilities.supervise
      ? h(
          'details',
          { class: 'sup-notice-about' },
          h('summary', {}, t('sup.detail.sendNotice')),
          noticeForm(context.departments, { receiptNo: alert.receiptNo, department: alert.department }, context.changed),
        )
      : null,
  );
}

/** The office closes the card with a note of how it was handled; a refusal stays on screen. */
function closeForm(panel: HTMLElement, alert: Alert, context: DetailContext): HTMLFormElement {
  const note = h('textarea', { name: 'note', required: true, rows: 3, minlength: 2, maxlength: 2000, placeholder: t('sup.close.hint') });
  const result = messageLine();
  const submit = h('button', { type: 'submit', class: 'primary sup-close' }, t('sup.close.submit'));
  return h(
    'form',
    {
      class: 'fields sup-close-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          const closed = await closeAlert(alert.id, note.value.trim());
          renderDetail(panel, closed, context);
          context.changed();
        } catch (error) {
          showProblem(result, error);
          submit.disabled = false;
        }
      },
    },
    h('label', {}, t('sup.close.note'), note),
    h('div', { class: 'toolbar' }, submit),
    result,
  );
}
