import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseView } from '../case/case-types';
import { caseFacts } from './case-facts';
import { myCases } from './hall-api';

/** #cases: the applicant's applications, newest first, each with its status and step in words. */
export async function myCasesPage(view: HTMLElement): Promise<void> {
  const { items } = await myCases();
  replaceChildren(
    view,
    h('h1', {}, t('hall.cases.title')),
    items.length === 0 ? h('p', { class: 'empty' }, t('hall.cases.none'), ' ', h('a', { href: '#services' }, t('hall.nav.services'))) : h('ul', { class: 'case-list' }, ...items.map(caseCard)),
  );
}

function caseCard(item: CaseView): HTMLElement {
  const shown = new Set(['status', 'step', 'due', 'outcome']);
  return h(
    'li',
    { class: 'case-card panel', dataset: { caseId: item.id, status: item.status, awaiting: item.awaiting.join(' ') } },
    h('h2', {}, h('a', { href: `#cases/${encodeURIComponent(item.id)}` }, item.title)),
    h('p', { class: 'muted' }, `${t('hall.cases.receiptNo')} ${item.receiptNo}`),
    h('dl', { class: 'facts' }, ...caseFacts(item).filter(([key]) => shown.has(key)).flatMap(([key, label, value]) => [h('dt', {}, label), h('dd', { dataset: { fact: key } }, value)])),
  );
}
