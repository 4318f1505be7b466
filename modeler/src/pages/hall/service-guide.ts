import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { limitLabel } from '../inbox/work-labels';
import { getService } from './hall-api';
import { materialFormLabel, materialLimitsLabel, materialNeedLabel } from './hall-labels';
import type { ServiceView } from './hall-types';

/** #services/{key}: a service's guide (办事指南) — who decides, on what basis, what to bring, how long, what it costs. */
export async function serviceGuidePage(view: HTMLElement, key: string): Promise<void> {
  const service = await getService(key);
  replaceChildren(
    view,
    h('p', {}, h('a', { href: '#services' }, `← ${t('hall.guide.back')}`)),
    h('h1', {}, service.name),
    h('dl', { class: 'facts panel guide-facts' }, ...guideFacts(service).flatMap(([fact, label, value]) => [h('dt', {}, label), h('dd', { dataset: { fact } }, value)])),
    h('h2', {}, t('hall.guide.materials')),
    materialTable(service),
    h('p', { class: 'actions' }, h('a', { class: 'button primary', id: 'apply-link', href: `#apply/${encodeURIComponent(service.key)}` }, t('hall.guide.apply'))),
  );
}

function guideFacts(service: ServiceView): Array<[string, string, string]> {
  const facts: Array<[string, string, string | null]> = [
    ['department', t('hall.guide.department'), service.department?.name ?? null],
    ['code', t('hall.guide.code'), service.serviceCode],
    ['legal-basis', t('hall.guide.legalBasis'), service.legalBasis],
    ['conditions', t('hall.guide.conditions'), service.conditions],
    ['promised', t('hall.guide.promised'), service.promisedLimit && limitLabel(service.promisedLimit)],
    ['statutory', t('hall.guide.statutory'), service.statutoryLimit && limitLabel(service.statutoryLimit)],
    ['fees', t('hall.guide.fees'), service.fees],
    ['collection', t('hall.guide.collection'), service.collection],
    ['incomplete', t('hall.guide.incomplete'), service.incompleteAcceptance ? t('hall.guide.incompleteYes', { limit: limitLabel(service.supplementLimit ?? '') }) : null],
  ];
  return facts.filter((fact): fact is [string, string, string] => fact[2] !== null && fact[2] !== '');
}

/** The materials as a list of cards: a table does not fit a phone. */
function materialTable(service: ServiceView): HTMLElement {
  if (service.materials.length === 0) return h('p', { class: 'empty' }, t('hall.guide.noMaterials'));
  return h(
    'ol',
    { class: 'material-list' },
    ...service.materials.map((material) =>
      h(
        'li',
        { class: 'panel', dataset: { material: material.key } },
        h('div', { class: 'material-head' }, h('strong', {}, material.name), h('span', { class: 'material-need', dataset: { required: String(material.required) } }, materialNeedLabel(material, service.incompleteAcceptance))),
        h('div', { class: 'muted' }, [materialFormLabel(material), materialLimitsLabel(material)].filter(Boolean).join(' · ')),
        material.sample ? h('div', { class: 'sample' }, `${t('hall.guide.sample')}：${material.sample}`) : null,
      ),
    ),
  );
}
