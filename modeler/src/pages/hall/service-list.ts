import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { limitLabel } from '../inbox/work-labels';
import { listServices } from './hall-api';
import type { ServiceView } from './hall-types';

/** #services?q=…: the catalogue, searchable by service name, code or department. */
export async function serviceListPage(view: HTMLElement, search: string): Promise<void> {
  const input = h('input', { id: 'service-search', type: 'search', name: 'q', value: search, placeholder: t('hall.services.search'), 'aria-label': t('hall.services.search'), enterkeyhint: 'search' });
  const form = h(
    'form',
    { class: 'service-search', role: 'search', onsubmit: (event: Event) => (event.preventDefault(), (location.hash = `services?${new URLSearchParams({ q: input.value.trim() })}`)) },
    input,
    h('button', { type: 'submit', class: 'primary' }, t('hall.services.searchButton')),
  );
  const results = h('section', { id: 'service-results', 'aria-live': 'polite' });
  replaceChildren(view, h('h1', {}, t('hall.services.title')), form, results);
  const { items, total } = await listServices(search);
  if (items.length === 0) {
    replaceChildren(results, h('p', { class: 'empty' }, t('hall.services.none')));
    return;
  }
  replaceChildren(results, h('p', { class: 'muted' }, t('hall.services.count', { n: total })), h('ul', { class: 'service-list' }, ...items.map(serviceCard)));
}

function serviceCard(service: ServiceView): HTMLElement {
  const limit = service.promisedLimit ?? service.statutoryLimit;
  return h(
    'li',
    { class: 'service-card panel', dataset: { service: service.key } },
    h('h2', {}, h('a', { href: `#services/${encodeURIComponent(service.key)}` }, service.name)),
    h('p', { class: 'muted' }, [service.department?.name, service.serviceCode, limit ? `${t(service.promisedLimit ? 'hall.guide.promised' : 'hall.guide.statutory')} ${limitLabel(limit)}` : null].filter(Boolean).join(' · ')),
  );
}
