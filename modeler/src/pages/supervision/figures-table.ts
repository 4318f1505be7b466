import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { groupText, percent, workingDays } from './labels';
import type { FiguresGroupBy, FiguresRow } from './types';

const columns = ['received', 'completed', 'onTimeRate', 'overdue', 'averageWorkingDays', 'openCards', 'notices', 'satisfactionRate', 'followUps'] as const;

/** A row per department or process: received, completed, 按时办结率, overdue, average working days, open cards, notices replied on time, 满意率, follow-ups answered on time. */
export function figuresTable(rows: FiguresRow[], groupBy: FiguresGroupBy): HTMLElement {
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
          h('td', { class: 'num' }, row.received),
          h('td', { class: 'num' }, row.completed),
          h('td', { class: 'num' }, percent(row.onTimeRate)),
          h('td', { class: `num${row.overdue > 0 ? ' sup-bad' : ''}` }, row.overdue),
          h('td', { class: 'num' }, workingDays(row.averageWorkingDays)),
          h(
            'td',
            { class: 'num' },
            h('span', { class: 'card yellow', title: t('sup.level.yellow') }, row.openYellow),
            ' ',
            h('span', { class: 'card red', title: t('sup.level.red') }, row.openRed),
          ),
          h('td', { class: 'num' }, `${row.noticesRepliedOnTime} / ${row.notices}`),
          h('td', { class: 'num', title: t('sup.figures.ratings', { satisfied: row.satisfied, ratings: row.ratings }) }, percent(row.satisfactionRate)),
          h('td', { class: `num${row.followUpsRepliedOnTime < row.followUps && row.followUpOnTimeRate !== null && row.followUpOnTimeRate < 1 ? ' sup-bad' : ''}` }, `${row.followUpsRepliedOnTime} / ${row.followUps}`),
        ),
      ),
    ),
  );
}
