import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseView, RequestedMaterial } from '../case/case-types';
import { requestedMaterialList } from '../case/supplement-requests';
import { FieldErrors } from '../inbox/field-errors';
import { handInDeferred, handInSupplement, type MaterialAttachment } from './hall-api';
import type { MaterialSpec, ServiceView } from './hall-types';
import { materialUploads } from './material-uploads';

/**
 * The answer to the open 补正: one upload per material the agency listed, every one needed —
 * the server takes exactly those, nothing more or less. Null while no 补正 waits on the applicant.
 */
export function supplementAnswer(item: CaseView, service: ServiceView | null, answered: (notice: string) => void): HTMLElement | null {
  const request = item.supplementRequests.at(-1);
  if (!item.awaiting.includes('supplement') || !request || request.answeredAt) return null;
  return materialsAnswer(item, service, request.materials, {
    id: 'supplement',
    title: t('hall.case.answer'),
    intro: t('hall.case.answerIntro'),
    send: (body) => handInSupplement(item.id, body),
    done: () => answered(t('hall.case.answered')),
  });
}

/** 容缺受理: the upload of the materials the application was accepted without, while they are due. Null once they came, or when none were deferred. */
export function deferredAnswer(item: CaseView, service: ServiceView | null, answered: (notice: string) => void): HTMLElement | null {
  const deferred = item.deferredMaterials;
  if (item.status !== 'running' || !deferred || deferred.handedInAt) return null;
  return materialsAnswer(item, service, deferred.materials, {
    id: 'deferred',
    title: t('hall.case.deferred'),
    intro: t('hall.case.deferredIntro', { date: deferred.dueDate ?? '' }),
    send: (body) => handInDeferred(item.id, body),
    done: () => answered(t('hall.case.deferredHandedIn')),
  });
}

interface AnswerForm {
  id: string;
  title: string;
  intro: string;
  send(body: { note?: string; attachments: MaterialAttachment[] }): Promise<unknown>;
  done(): void;
}

/** A form with one upload per asked material, every one needed, and a note. */
function materialsAnswer(item: CaseView, service: ServiceView | null, requested: RequestedMaterial[], form: AnswerForm): HTMLElement {
  const asked = requested.map((material): MaterialSpec => service?.materials.find((spec) => spec.key === material.material) ?? { key: material.material, name: material.name, form: 'electronic', required: true, essential: false });
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const uploads = materialUploads(item.processKey, asked, () => true, [], () => errors.clear());
  const note = h('textarea', { id: `${form.id}-note`, name: 'note', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'primary', id: `submit-${form.id}` }, form.title);
  return h(
    'form',
    {
      class: 'supplement-answer panel',
      dataset: { answers: form.id },
      novalidate: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const missing = uploads.missing();
        if (missing.length > 0) return errors.showGeneral(t('hall.material.missing', { names: missing.map((material) => material.name).join('、') }));
        submit.disabled = true;
        try {
          await form.send({ ...(note.value.trim() ? { note: note.value.trim() } : {}), attachments: uploads.attachments() });
          form.done();
        } catch (error) {
          errors.showError(error);
          submit.disabled = false;
        }
      },
    },
    h('h2', {}, form.title),
    h('p', {}, form.intro),
    requestedMaterialList(requested),
    uploads.element,
    h('div', { class: 'field' }, h('label', { for: note.id }, t('hall.case.answerNote')), note, errors.slot('/note')),
    errors.general,
    submit,
  );
}
