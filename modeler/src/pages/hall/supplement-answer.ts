import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseView } from '../case/case-types';
import { requestedMaterialList } from '../case/supplement-requests';
import { FieldErrors } from '../inbox/field-errors';
import { handInSupplement } from './hall-api';
import type { MaterialSpec, ServiceView } from './hall-types';
import { materialUploads } from './material-uploads';

/**
 * The answer to the open 补正: one upload per material the agency listed, every one needed —
 * the server takes exactly those, nothing more or less. Null while no 补正 waits on the applicant.
 */
export function supplementAnswer(item: CaseView, service: ServiceView | null, answered: (notice: string) => void): HTMLElement | null {
  const request = item.supplementRequests.at(-1);
  if (!item.awaiting.includes('supplement') || !request || request.answeredAt) return null;
  const asked = request.materials.map((requested): MaterialSpec => service?.materials.find((spec) => spec.key === requested.material) ?? { key: requested.material, name: requested.name, form: 'electronic', required: true, essential: false });
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const uploads = materialUploads(item.processKey, asked, () => true, [], () => errors.clear());
  const note = h('textarea', { id: 'supplement-note', name: 'note', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'submit-supplement' }, t('hall.case.answer'));
  return h(
    'form',
    {
      class: 'supplement-answer panel',
      novalidate: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const missing = uploads.missing();
        if (missing.length > 0) return errors.showGeneral(t('hall.material.missing', { names: missing.map((material) => material.name).join('、') }));
        submit.disabled = true;
        try {
          await handInSupplement(item.id, { ...(note.value.trim() ? { note: note.value.trim() } : {}), attachments: uploads.attachments() });
          answered(t('hall.case.answered'));
        } catch (error) {
          errors.showError(error);
          submit.disabled = false;
        }
      },
    },
    h('h2', {}, t('hall.case.answer')),
    h('p', {}, t('hall.case.answerIntro')),
    requestedMaterialList(request.materials),
    uploads.element,
    h('div', { class: 'field' }, h('label', { for: note.id }, t('hall.case.answerNote')), note, errors.slot('/note')),
    errors.general,
    submit,
  );
}
