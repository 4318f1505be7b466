import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { barChart } from './bar-chart';
import { lastMonths } from './china-calendar';
import { groupText, percent } from './labels';
import { rateLineChart } from './line-chart';
import { figures } from './supervision-api';
import type { FiguresRow } from './types';

function chartPanel(name: string, title: string, chart: Element | null): HTMLElement {
  return h('figure', { class: 'panel sup-chart-panel', dataset: { chart: name } }, h('figcaption', {}, title), chart ?? h('p', { class: 'empty' }, t('sup.charts.empty')));
}

/**
 * 按时办结率 month by month over the last six China months: the figures of each month, fetched
 * with its own from/to and grouped by process so that every case counts once.
 */
export async function monthlyOnTimeChart(): Promise<HTMLElement> {
  const months = lastMonths(6);
  const perMonth = await Promise.all(months.map((month) => figures('process', month)));
  const points = months.map((month, index) => {
    const rows = perMonth[index] ?? [];
    const completed = rows.reduce((sum, row) => sum + row.completed, 0);
    const onTime = rows.reduce((sum, row) => sum + row.onTime, 0);
    return { label: month.label, value: completed === 0 ? null : onTime / completed };
  });
  const title = t('sup.charts.onTime');
  return chartPanel('on-time', title, rateLineChart(points, title, percent));
}

/** Overdue cases and average handling time (working days) per department, over the chosen period. */
export function departmentCharts(rows: FiguresRow[]): HTMLElement[] {
  const overdueTitle = t('sup.charts.overdue');
  const daysTitle = t('sup.charts.days');
  const bars = (value: (row: FiguresRow) => number | null) => rows.map((row) => ({ label: groupText(row.group, row.name), value: value(row) }));
  const count = (value: number) => String(Math.round(value * 100) / 100);
  return [
    chartPanel('overdue', overdueTitle, rows.length ? barChart(bars((row) => row.overdue), { title: overdueTitle, format: count, tone: 'sup-bar-red', wholeNumbers: true }) : null),
    chartPanel('days', daysTitle, rows.length ? barChart(bars((row) => row.averageWorkingDays), { title: daysTitle, format: count, tone: 'sup-bar-blue' }) : null),
  ];
}
