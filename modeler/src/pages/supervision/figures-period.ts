import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { addDays, monthStart, startOfChinaDay, todayInChina } from './china-calendar';
import type { FiguresGroupBy, Period } from './types';

export interface FiguresChoice {
  groupBy: FiguresGroupBy;
  period: Period;
  /** The China dates as chosen, both included, for the export's file name. */
  fromDate: string;
  toDate: string;
}

/** The last six months, this one included, in China time. */
export function defaultChoice(): FiguresChoice {
  const today = todayInChina();
  return choiceOf('department', monthStart(today, -5), addDays(monthStart(today, 1), -1));
}

function choiceOf(groupBy: FiguresGroupBy, fromDate: string, toDate: string): FiguresChoice {
  // the API's period ends before `to`, so the last chosen day is included by ending the next midnight
  return { groupBy, fromDate, toDate, period: { from: startOfChinaDay(fromDate), to: startOfChinaDay(addDays(toDate, 1)) } };
}

/** The period (China dates, both included) and grouping of the figures table, with the CSV export beside it. */
export function figuresPeriodForm(current: FiguresChoice, show: (choice: FiguresChoice) => void, exportCsv: (choice: FiguresChoice) => void): HTMLFormElement {
  const from = h('input', { type: 'date', name: 'from', value: current.fromDate, required: true });
  const to = h('input', { type: 'date', name: 'to', value: current.toDate, required: true });
  const groupBy = h(
    'select',
    { name: 'groupBy' },
    ...(['department', 'unit', 'process'] as const).map((value) => h('option', { value, selected: value === current.groupBy }, t(`sup.figures.by.${value}`))),
  );
  const read = () => choiceOf(groupBy.value as FiguresGroupBy, from.value, to.value);
  const field = (label: string, control: HTMLElement) => h('label', { class: 'sup-field' }, h('span', {}, label), control);
  return h(
    'form',
    { class: 'toolbar sup-period', onsubmit: (event: Event) => (event.preventDefault(), show(read())) },
    field(t('sup.figures.from'), from),
    field(t('sup.figures.to'), to),
    field(t('sup.figures.groupBy'), groupBy),
    h('button', { type: 'submit', class: 'primary' }, t('sup.figures.show')),
    h('button', { type: 'button', class: 'sup-export', onclick: () => exportCsv(read()) }, t('sup.figures.export')),
  );
}
