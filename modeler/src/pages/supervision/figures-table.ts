import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { groupText, percent, workingDays } from './labels';
import type { FigureOfCases, FiguresGroupBy, FiguresRow } from './types';

const columns = ['received', 'completed', 'onTimeRate', 'overdue', 'averageWorkingDays', 'openCards', 'notices', 'satisfactionRate', 'followUps'] as const;

/** Opens the list of the cases behind a figure of a row. */
export type Drill = (row: FiguresRow, figure: FigureOfCases) => void;

/**
 * A row per department or process: received, completed, 按时办结率, overdue, average working days, open cards, notices replied on time, 满意率, follow-ups answered on time.
 * Every count of cases above nought is a button that lists those cases (穿透查询).
 */
export function figuresTable(rows: FiguresRow[], groupBy: FiguresGroupBy, drill: Drill): HTMLElement {
  const count = (row: FiguresRow, figure: FigureOfCases, shown: string | number = row[figure], card?: 'yellow' | 'red') => {
    const look = card ? { class: `card ${card}`, title: t(`sup.level.${card}`) } : {};
    if (row[figure] === 0) return h('span', look, shown);
    const label = t('sup.drill.open', { group: groupText(row.group, row.name), figure: t(`sup.drill.figure.${figure}`), count: row[figure] });
    return h('button', { type: 'button', class: `link sup-drill ${look.class ?? ''}`, dataset: { figure }, title: label, onclick: () => drill(row, figure) }, shown);
  };
  const parents = new Map(rows.map((row) => [row.group, row.parent ?? null]));
  /** A unit row is indented under the row it rolls up into (parents come first). */
  const depthOf = (row: FiguresRow): number => {
    let depth = 0;
    for (let parent = row.parent ?? null; parent !== null && parents.has(parent) && depth < 10; parent = parents.get(parent) ?? null) depth++;
    return depth;
  };
  if (rows.length === 0) return h('p', { class: 'empty sup-empty' }, t('sup.figures.empty'));
  return h(
    'table',
    { class: 'grid sup-figures' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(`sup.figures.by.${groupBy}`)), ...columns.map((column) => h('th', { scope: 'col', class: 'num' }, t(`sup.figures.col.${column}`))))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { dataset: { group: row.group } },
          h('th', { scope: 'row' }, `${'\u3000'.repeat(depthOf(row))}${groupText(row.group, row.name)}`),
          h('td', { class: 'num' }, count(row, 'received')),
          h('td', { class: 'num' }, count(row, 'completed')),
          h('td', { class: 'num' }, count(row, 'onTime', percent(row.onTimeRate))),
          h('td', { class: `num${row.overdue > 0 ? ' sup-bad' : ''}` }, count(row, 'overdue')),
          h('td', { class: 'num' }, workingDays(row.averageWorkingDays)),
          h('td', { class: 'num' }, count(row, 'openYellow', row.openYellow, 'yellow'), ' ', count(row, 'openRed', row.openRed, 'red')),
          h('td', { class: 'num' }, `${row.noticesRepliedOnTime} / ${row.notices}`),
          h('td', { class: 'num', title: t('sup.figures.ratings', { satisfied: row.satisfied, ratings: row.ratings }) }, percent(row.satisfactionRate)),
          h('td', { class: `num${row.followUpsRepliedOnTime < row.followUps && row.followUpOnTimeRate !== null && row.followUpOnTimeRate < 1 ? ' sup-bad' : ''}` }, `${row.followUpsRepliedOnTime} / ${row.followUps}`),
        ),
      ),
    ),
  );
}
