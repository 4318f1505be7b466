import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { alertKinds, alertLevels, alertStatuses } from './labels';
import type { AlertFilter } from './types';
import type { Department } from './supervision-api';

/** The board opens on the open cards. */
export const defaultFilter: AlertFilter = { level: '', status: 'open', kind: '', department: '', process: '' };

function choice(name: string, values: readonly string[], current: string, label: (value: string) => string): HTMLSelectElement {
  return h(
    'select',
    { name },
    h('option', { value: '', selected: current === '' }, t('sup.filter.any')),
    ...values.map((value) => h('option', { value, selected: current === value }, label(value))),
  );
}

/**
 * The filter bar: level, status, kind (compliance points included), department (the office
 * only: a department sees its own anyway) and process. Calls `apply` with the new filter.
 */
export function alertFilters(current: AlertFilter, departments: Department[], processes: string[], apply: (filter: AlertFilter) => void): HTMLFormElement {
  const level = choice('level', alertLevels, current.level, (value) => t(`sup.level.${value}`));
  const status = choice('status', alertStatuses, current.status, (value) => t(`sup.status.${value}`));
  const kind = choice('kind', alertKinds, current.kind, (value) => t(`sup.kind.${value}`));
  const nameOf = new Map(departments.map((unit) => [unit.code, unit.name]));
  const department = departments.length > 0 ? choice('department', [...nameOf.keys()], current.department, (code) => nameOf.get(code) ?? code) : null;
  const process = h('input', { name: 'process', value: current.process, list: 'sup-processes', placeholder: t('sup.filter.processHint'), size: 18 });
  const known = h('datalist', { id: 'sup-processes' }, ...processes.map((key) => h('option', { value: key })));
  const read = (): AlertFilter => ({
    level: level.value as AlertFilter['level'],
    status: status.value as AlertFilter['status'],
    kind: kind.value as AlertFilter['kind'],
    department: department?.value ?? '',
    process: process.value.trim(),
  });
  const field = (label: string, control: HTMLElement) => h('label', { class: 'sup-field' }, h('span', {}, label), control);
  const form = h(
    'form',
    { class: 'toolbar sup-filters', onsubmit: (event: Event) => (event.preventDefault(), apply(read())) },
    field(t('sup.filter.level'), level),
    field(t('sup.filter.status'), status),
    field(t('sup.filter.kind'), kind),
    department && field(t('sup.filter.department'), department),
    field(t('sup.filter.process'), process),
    known,
    h('button', { type: 'submit', class: 'primary' }, t('sup.filter.apply')),
    h('button', { type: 'button', onclick: () => apply({ ...defaultFilter }) }, t('sup.filter.reset')),
  );
  for (const select of [level, status, kind, department]) select?.addEventListener('change', () => apply(read()));
  return form;
}
