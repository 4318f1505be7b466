import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { showAlertDetail, type DetailContext } from './alert-detail';
import { alertFilters, defaultFilter } from './alert-filters';
import { alertsTable } from './alerts-table';
import { pager } from '../../shared/pager';
import { problemText } from './problem';
import type { Abilities } from './roles';
import { listAlerts, type Department } from './supervision-api';
import { boardChanged } from './summary-tiles';
import type { Alert, AlertFilter } from './types';

const pageSize = 20;

/**
 * The cards (黄牌 · 红牌 and compliance points): a filter bar, a page of the list with paging
 * and an empty state, and the chosen card's detail beside it.
 */
export function alertsBoard(abilities: Abilities, departments: Department[]): HTMLElement {
  let filter: AlertFilter = { ...defaultFilter };
  let page = 1;
  let selected: string | null = null;
  const processes = new Set<string>();
  const filters = h('div', {});
  const list = h('div', { class: 'sup-list', 'aria-live': 'polite' });
  const detail = h('aside', { class: 'panel sup-detail' }, h('p', { class: 'notice' }, t('sup.detail.pick')));
  const context: DetailContext = { abilities, departments, changed: () => (void load(), boardChanged()) };

  const open = (alert: Alert) => {
    selected = alert.id;
    for (const row of list.querySelectorAll('tr[data-alert-id]')) row.classList.toggle('selected', (row as HTMLElement).dataset.alertId === alert.id);
    void showAlertDetail(detail, alert.id, context);
  };
  const apply = (next: AlertFilter) => {
    filter = next;
    page = 1;
    void load();
  };

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const answer = await listAlerts(filter, page, pageSize);
      for (const alert of answer.items) processes.add(alert.processKey);
      replaceChildren(filters, alertFilters(filter, abilities.office ? departments : [], [...processes].sort(), apply));
      replaceChildren(
        list,
        alertsTable(answer.items, answer.names, selected, open),
        pager(answer.page, answer.pageSize, answer.total, (next) => ((page = next), void load())),
      );
    } catch (error) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert' }, t('sup.refused', { message: problemText(error) })));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  void load();
  return h('section', { class: 'sup-alerts-board' }, filters, h('div', { class: 'split' }, list, detail));
}
