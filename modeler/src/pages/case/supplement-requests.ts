import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import type { SupplementRequest } from './case-types';

/**
 * The 补正 asked of the applicant (一次性告知), newest first: which step asked, when and who,
 * each material with the reason as written, and whether the applicant has answered.
 */
export function supplementRequestList(requests: SupplementRequest[], names: Names): HTMLElement {
  return h('ol', { class: 'supplement-requests' }, ...[...requests].reverse().map((request) => requestItem(request, names)));
}

function requestItem(request: SupplementRequest, names: Names): HTMLElement {
  const asked = [request.askedBy && personName(names, request.askedBy), chinaTime(request.askedAt)].filter(Boolean).join(' · ');
  const state = request.answeredAt ? t('case.supplement.answered', { at: chinaTime(request.answeredAt) }) : t('case.supplement.open');
  return h(
    'li',
    { class: 'supplement-request', dataset: { state: request.answeredAt ? 'answered' : 'open' } },
    h('div', { class: 'opinion-head' }, h('strong', {}, request.stepName), h('span', { class: 'decision' }, state), h('span', { class: 'muted' }, asked)),
    request.materials.length > 0 ? requestedMaterialList(request.materials) : null,
    request.note ? h('p', { class: 'opinion-text' }, request.note) : null,
  );
}

/** The materials a 补正 asks for, each with the reason as the step wrote it. */
export function requestedMaterialList(materials: SupplementRequest['materials']): HTMLElement {
  return h('ul', { class: 'requested-materials' }, ...materials.map((material) => h('li', { dataset: { material: material.material } }, h('strong', {}, material.name), material.reason ? `：${material.reason}` : null)));
}
