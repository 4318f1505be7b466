import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';

/** What the inbox's lists are searched by, as GET /api/tasks names it (api/http/schemas.ts workSearchQuery). */
const fields = ['receiptNo', 'title', 'applicant', 'step', 'processKey', 'from', 'to'] as const;
export type SearchField = (typeof fields)[number];
export type SearchValues = Partial<Record<SearchField, string>>;

/** The search kept in the page's address, so a searched list can be reloaded and linked. */
export function readSearch(params: URLSearchParams): SearchValues {
  return Object.fromEntries(fields.flatMap((field) => (params.get(field) ? [[field, params.get(field) as string]] : [])));
}

export function writeSearch(params: URLSearchParams, search: SearchValues): void {
  for (const field of fields) if (search[field]) params.set(field, search[field] as string);
}

export function isSearching(search: SearchValues): boolean {
  return fields.some((field) => Boolean(search[field]));
}

/**
 * The search box above the lists: receipt number, title, applicant and step as text (parts
 * match), the process from those deployed, and a range of days; 查询 applies it to every tab,
 * 清空 drops it.
 */
export function workSearchForm(search: SearchValues, processes: Array<{ key: string; name: string }>, apply: (search: SearchValues) => void): HTMLElement {
  const input = (field: SearchField, type = 'search') => h('input', { id: `search-${field}`, name: field, type, value: search[field] ?? '', maxlength: field === 'title' ? 200 : 64 });
  const process = h('select', { id: 'search-processKey', name: 'processKey' }, h('option', { value: '' }, t('inbox.search.anyProcess')), ...processes.map((definition) => h('option', { value: definition.key, selected: definition.key === search.processKey }, definition.name)));
  const controls: Record<SearchField, HTMLInputElement | HTMLSelectElement> = {
    receiptNo: input('receiptNo'),
    title: input('title'),
    applicant: input('applicant'),
    step: input('step'),
    processKey: process,
    from: input('from', 'date'),
    to: input('to', 'date'),
  };
  const values = (): SearchValues => Object.fromEntries(fields.flatMap((field) => (controls[field].value.trim() ? [[field, controls[field].value.trim()]] : [])));
  return h(
    'form',
    {
      class: 'work-search',
      role: 'search',
      'aria-label': t('inbox.search.label'),
      onsubmit: (event: Event) => {
        event.preventDefault();
        apply(values());
      },
    },
    ...fields.map((field) => h('div', { class: 'field' }, h('label', { for: `search-${field}` }, t(`inbox.search.${field}`)), controls[field])),
    h(
      'div',
      { class: 'toolbar search-buttons' },
      h('button', { type: 'submit', class: 'primary', id: 'search-apply' }, t('inbox.search.apply')),
      h('button', { type: 'button', id: 'search-clear', onclick: () => apply({}) }, t('inbox.search.clear')),
    ),
  );
}
