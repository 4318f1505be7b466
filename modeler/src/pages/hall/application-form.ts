import type { Session } from '../../shared/api-client';
import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { openActionDialog } from '../inbox/action-dialog';
import { FieldErrors } from '../inbox/field-errors';
import { renderTaskForm } from '../inbox/task-form';
import { discardDraft, loadDraft, saveDraft, type ApplicationDraft } from './application-drafts';
import { getService, submitApplication } from './hall-api';
import { goTo } from './hall-notice';
import { materialUploads } from './material-uploads';

/**
 * #apply/{key}: the application — what it is for, the start event's form, the materials —
 * saved as a draft on every change and submitted once, whatever the network does.
 */
export async function applicationPage(view: HTMLElement, key: string, session: Session): Promise<void> {
  const service = await getService(key);
  const kept = loadDraft(session.username, key);
  const draft: Omit<ApplicationDraft, 'savedAt'> = kept ?? { title: service.name, data: {}, files: [], idempotencyKey: crypto.randomUUID() };
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const savedNote = h('p', { class: 'muted draft-state', role: 'status' }, kept ? t('hall.apply.draftRestored', { at: chinaTime(kept.savedAt) }) : '');
  const title = h('input', { id: 'case-title', name: 'title', required: true, maxlength: 200, value: draft.title });
  const form = renderTaskForm(service.form, errors, t('hall.apply.form'));
  form.fill(draft.data);
  const save = () => {
    const saved = saveDraft(session.username, key, { ...draft, title: title.value, data: form.values(), files: uploads.uploaded() });
    savedNote.textContent = t('hall.apply.draftSaved', { at: chinaTime(saved.savedAt) });
  };
  // a file added or removed makes the last "please upload" stale
  const uploads = materialUploads(service.key, service.materials, (material) => material.required, draft.files, () => (errors.clear(), save()), service.incompleteAcceptance);
  const submit = h('button', { type: 'submit', class: 'primary', id: 'submit-application' }, t('hall.apply.submit'));
  const send = async (event: Event) => {
    event.preventDefault();
    errors.clear();
    const missing = uploads.missing();
    const fine = form.check(errors) && title.value.trim() !== '';
    if (missing.length > 0) errors.showGeneral(t('hall.material.missing', { names: missing.map((material) => material.name).join('、') }));
    if (!fine || missing.length > 0) return;
    submit.disabled = true;
    submit.textContent = t('hall.apply.submitting');
    try {
      const started = await submitApplication({ processKey: key, title: title.value.trim(), data: form.values(), attachments: uploads.attachments() }, draft.idempotencyKey);
      discardDraft(session.username, key);
      goTo(`cases/${encodeURIComponent(started.id)}`, t('hall.apply.submitted', { receiptNo: started.receiptNo, queryCode: started.queryCode ?? '' }));
    } catch (error) {
      errors.showError(error);
    } finally {
      submit.disabled = false;
      submit.textContent = t('hall.apply.submit');
    }
  };
  const discard = () =>
    openActionDialog({
      title: t('hall.apply.discardConfirm'),
      fields: [],
      submit: async () => {
        discardDraft(session.username, key);
        await applicationPage(view, key, session);
      },
    });
  const body = h(
    'form',
    { class: 'application', novalidate: true, oninput: save, onchange: save, onsubmit: send },
    h('div', { class: 'field' }, h('label', { for: title.id }, t('hall.apply.caseTitle'), h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')), title, errors.slot('/title')),
    service.form.length > 0 ? form.element : null,
    h('h2', {}, t('hall.apply.materials')),
    uploads.element,
    errors.general,
    h('div', { class: 'toolbar' }, submit, h('button', { type: 'button', class: 'link', onclick: discard }, t('hall.apply.discard'))),
    savedNote,
  );
  replaceChildren(view, h('p', {}, h('a', { href: `#services/${encodeURIComponent(key)}` }, `← ${service.name}`)), h('h1', {}, t('hall.apply.title', { name: service.name })), body);
}
