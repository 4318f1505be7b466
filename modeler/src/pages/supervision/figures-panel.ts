import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { downloadCsv } from './csv-download';
import { departmentCharts, monthlyOnTimeChart } from './figures-charts';
import { defaultChoice, figuresPeriodForm, type FiguresChoice } from './figures-period';
import { figureCasesPanel } from './figure-cases-panel';
import { figuresTable } from './figures-table';
import { messageLine, problemText, showProblem } from './problem';
import { figures, figuresPath } from './supervision-api';
import type { FigureOfCases, FiguresRow } from './types';

/**
 * The office's figures (效能考核): the table for a period grouped by department or process,
 * its CSV export, and charts of 按时办结率 by month, overdue and handling time by department.
 */
export function figuresPanel(): HTMLElement {
  let choice = defaultChoice();
  const table = h('div', { class: 'sup-figures-table', 'aria-live': 'polite' });
  const drilled = h('div', { class: 'sup-drill-host' });
  const drill = (row: FiguresRow, figure: FigureOfCases) => {
    replaceChildren(drilled, figureCasesPanel(choice, row, figure, () => replaceChildren(drilled)));
    drilled.scrollIntoView({ block: 'nearest' });
  };
  const trend = h('div', { class: 'sup-trend' }, h('p', { class: 'notice' }, t('sup.loading')));
  const departments = h('div', { class: 'sup-department-charts' });
  const exported = messageLine();

  async function show(next: FiguresChoice): Promise<void> {
    choice = next;
    replaceChildren(drilled); // a list of another period's cases no longer applies
    replaceChildren(table, h('p', { class: 'notice' }, t('sup.loading')));
    try {
      const [rows, byDepartment] = await Promise.all([figures(choice.groupBy, choice.period), choice.groupBy === 'department' ? null : figures('department', choice.period)]);
      replaceChildren(table, figuresTable(rows, choice.groupBy, drill));
      replaceChildren(departments, ...departmentCharts(byDepartment ?? rows));
    } catch (error) {
      replaceChildren(table, h('p', { class: 'error', role: 'alert' }, t('sup.refused', { message: problemText(error) })));
      replaceChildren(departments);
    }
  }

  async function exportCsv(next: FiguresChoice): Promise<void> {
    exported.textContent = '';
    try {
      await downloadCsv(figuresPath(next.groupBy, next.period, 'csv'), `figures-${next.groupBy}-${next.fromDate}_${next.toDate}.csv`);
    } catch (error) {
      showProblem(exported, error);
    }
  }

  void show(choice);
  monthlyOnTimeChart().then(
    (chart) => replaceChildren(trend, chart),
    (error: unknown) => replaceChildren(trend, h('p', { class: 'error', role: 'alert' }, t('sup.refused', { message: problemText(error) }))),
  );
  return h(
    'section',
    { class: 'sup-figures-panel' },
    figuresPeriodForm(choice, (next) => void show(next), (next) => void exportCsv(next)),
    exported,
    table,
    drilled,
    h('div', { class: 'sup-charts' }, trend, departments),
  );
}
