import { chinaTime, h } from '../../shared/dom';
import { labelOr, t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import { decisionLabel } from '../inbox/work-labels';
import type { HistoryItem } from './case-types';

/** The audit log as a timeline, oldest first: when, who, what (and at which step), the decision and opinion. */
export function caseTimeline(history: HistoryItem[], names: Names): HTMLElement {
  if (history.length === 0) return h('p', { class: 'empty' }, t('case.noHistory'));
  const head = ['case.col.at', 'case.col.actor', 'case.col.what', 'case.col.opinion'];
  return h(
    'table',
    { class: 'grid timeline' },
    h('thead', {}, h('tr', {}, ...head.map((key) => h('th', {}, t(key))))),
    h(
      'tbody',
      {},
      ...history.map((item) =>
        h(
          'tr',
          { class: `timeline-row action-${item.action.replace(/\W+/g, '-')}`, dataset: { action: item.action } },
          h('td', { class: 'when' }, chinaTime(item.at)),
          h('td', {}, item.actor ? personName(names, item.actor) : '—'),
          h('td', {}, labelOr(`case.action.${item.action}`, item.action), item.stepName ? h('div', { class: 'muted' }, item.stepName) : null),
          h('td', {}, item.decision ? h('strong', { class: 'decision' }, decisionLabel(item.decision)) : null, item.comment ? h('div', { class: 'comment' }, item.comment) : null),
        ),
      ),
    ),
  );
}
