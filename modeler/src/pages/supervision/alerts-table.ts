import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import { groupText, levelBadge, statusText, subjectText } from './labels';
import type { Alert } from './types';

/** A page of cards as a table; `open` shows one card's detail. */
export function alertsTable(alerts: Alert[], names: Names, selected: string | null, open: (alert: Alert) => void): HTMLElement {
  if (alerts.length === 0) return h('p', { class: 'empty sup-empty' }, t('sup.alerts.empty'));
  const head = ['level', 'case', 'subject', 'department', 'due', 'raised', 'status', 'action'];
  return h(
    'table',
    { class: 'grid sup-alerts' },
    h('thead', {}, h('tr', {}, ...head.map((column) => h('th', { scope: 'col' }, t(`sup.alerts.col.${column}`))))),
    h(
      'tbody',
      {},
      ...alerts.map((alert) =>
        h(
          'tr',
          { dataset: { alertId: alert.id, level: alert.level }, class: alert.id === selected ? 'selected' : '' },
          h('td', {}, levelBadge(alert.level)),
          h('td', { class: 'wrap' }, h('div', {}, alert.caseTitle), h('small', { class: 'muted' }, `${alert.receiptNo} · ${alert.processKey}`)),
          h('td', { class: 'wrap' }, h('div', {}, subjectText(alert)), alert.handler ? h('small', { class: 'muted' }, personName(names, alert.handler)) : null),
          h('td', {}, groupText(alert.department, alert.departmentName)),
          h('td', {}, chinaTime(alert.dueAt)),
          h('td', {}, chinaTime(alert.raisedAt)),
          h('td', {}, statusText(alert)),
          h('td', {}, h('button', { type: 'button', class: 'sup-open', onclick: () => open(alert) }, t('sup.alerts.detail'))),
        ),
      ),
    ),
  );
}
