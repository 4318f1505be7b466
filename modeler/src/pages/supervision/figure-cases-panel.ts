import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { statusLabel } from '../inbox/work-labels';
import { groupText } from './labels';
import { pagedList } from './paged-list';
import { figureCases } from './supervision-api';
import type { FigureCase, FigureOfCases, FiguresGroupBy, FiguresRow, Period } from './types';

/** Cases a page of the drill-down shows. */
const pageSize = 20;

/**
 * 穿透查询: the cases behind one figure of one row, newest first, each linked to its case page,
 * under a heading that says which figure of which row they are and a way to close the list.
 */
export function figureCasesPanel(choice: { groupBy: FiguresGroupBy; period: Period }, row: FiguresRow, figure: FigureOfCases, close: () => void): HTMLElement {
  const list = pagedList<FigureCase>({
    className: 'sup-drill-list',
    pageSize,
    fetch: (page, size) => figureCases(choice.groupBy, choice.period, row.group, figure, { limit: size, offset: (page - 1) * size }),
    emptyText: t('sup.drill.empty'),
    table: casesTable,
  });
  const heading = t('sup.drill.title', { group: groupText(row.group, row.name), figure: t(`sup.drill.figure.${figure}`), count: row[figure] });
  return h(
    'section',
    { class: 'panel sup-drill-panel', 'aria-label': heading, dataset: { group: row.group, figure } },
    h('div', { class: 'toolbar' }, h('h2', {}, heading), h('button', { type: 'button', class: 'sup-drill-close', onclick: close }, t('sup.drill.close'))),
    choice.groupBy === 'unit' ? h('p', { class: 'muted' }, t('sup.drill.joint')) : null,
    figure === 'openYellow' || figure === 'openRed' ? h('p', { class: 'muted' }, t('sup.drill.cards')) : null,
    list.element,
  );
}

function casesTable(cases: FigureCase[]): HTMLElement {
  const head = ['receiptNo', 'title', 'status', 'createdAt', 'endedAt'];
  return h(
    'table',
    { class: 'grid sup-drill-table' },
    h('thead', {}, h('tr', {}, ...head.map((column) => h('th', { scope: 'col' }, t(`sup.drill.col.${column}`))))),
    h(
      'tbody',
      {},
      ...cases.map((item) =>
        h(
          'tr',
          { dataset: { caseId: item.id } },
          h('td', {}, item.receiptNo),
          h('td', {}, h('a', { href: `case.html?id=${encodeURIComponent(item.id)}` }, item.title)),
          h('td', {}, statusLabel(item.status)),
          h('td', {}, chinaTime(item.createdAt)),
          h('td', {}, item.endedAt ? chinaTime(item.endedAt) : '—'),
        ),
      ),
    ),
  );
}
