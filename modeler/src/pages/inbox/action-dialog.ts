import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { StaffPurpose } from '../../../../engine/api-types';
import { confirmStep } from '../../shared/confirm-step';
import { FieldErrors } from './field-errors';
import { staffPicker } from './staff-picker';

export interface DialogField {
  /** The body property the API names in its errors, e.g. `reason` for `/reason`. */
  name: string;
  label: string;
  /** `multiselect`: any of `options`, sent as one comma-separated value; `staff`: colleagues picked by name (staff-picker.ts). */
  kind: 'text' | 'textarea' | 'select' | 'multiselect' | 'staff';
  required?: boolean;
  options?: Array<{ value: string; label: string }>;
  /** For `staff`: whom to offer, and whether several may be picked. */
  staff?: { purpose: StaffPurpose; multiple: boolean };
}

export interface ActionDialogOptions {
  title: string;
  fields: DialogField[];
  /** Sends the entered values; throws the API's error, which the dialog shows next to its fields. */
  submit(values: Record<string, string>): Promise<void>;
  /** For an operation that cannot be taken back (退回): the question asked, in the dialog, before it is sent. */
  confirm?(values: Record<string, string>): string;
}

/** A modal dialog asking for an operation's input (退回的理由, 转办的接收人…); closes when the operation succeeded. */
export function openActionDialog(options: ActionDialogOptions): HTMLDialogElement {
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  const rows = options.fields.map((field) => {
    const id = `dialog-${field.name}`;
    if (field.kind === 'staff') {
      const value = h('input', { type: 'hidden', name: field.name });
      inputs.set(field.name, value);
      const picker = staffPicker({ id, value, purpose: field.staff?.purpose ?? 'copies', multiple: field.staff?.multiple ?? false });
      return h('div', { class: 'field', dataset: { field: field.name } }, label(id, field), picker, value, errors.slot(`/${field.name}`));
    }
    const input =
      field.kind === 'textarea'
        ? h('textarea', { id, name: field.name, rows: 3, required: field.required })
        : field.kind === 'select' || field.kind === 'multiselect'
          ? h('select', { id, name: field.name, multiple: field.kind === 'multiselect' }, ...(field.options ?? []).map((option) => h('option', { value: option.value }, option.label)))
          : h('input', { id, name: field.name, type: 'text', required: field.required });
    inputs.set(field.name, input);
    return h('div', { class: 'field', dataset: { field: field.name } }, label(id, field), input, errors.slot(`/${field.name}`));
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('inbox.action.submit'));
  const confirmation = confirmStep(submit, 'confirm-question');
  const dialog = h('dialog', { class: 'action-dialog' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const form = h(
    'form',
    {
      novalidate: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        errors.clear();
        const values = Object.fromEntries([...inputs].map(([name, input]) => [name, valueOf(input)]));
        const missing = options.fields.filter((field) => field.required && values[field.name] === '');
        if (missing.length > 0) {
          for (const field of missing) errors.show(`/${field.name}`, t('inbox.form.required'));
          return;
        }
        if (options.confirm && !confirmation.confirmed(options.confirm(values))) return;
        submit.disabled = true;
        try {
          await options.submit(values);
          close();
        } catch (error) {
          confirmation.reset();
          errors.showError(error);
        } finally {
          submit.disabled = false;
        }
      },
      oninput: confirmation.reset,
      onchange: confirmation.reset,
    },
    h('h3', {}, options.title),
    ...rows,
    errors.general,
    confirmation.element,
    h('div', { class: 'toolbar' }, submit, h('button', { type: 'button', onclick: close }, t('inbox.action.cancel'))),
  );
  dialog.append(form);
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function label(id: string, field: DialogField): HTMLElement {
  return h('label', { for: id }, field.label, field.required ? h('span', { class: 'required' }, ' *') : null);
}

/** What a field holds: its text, or the chosen options of a multiple select joined by commas. */
function valueOf(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  if (input instanceof HTMLSelectElement && input.multiple) return [...input.selectedOptions].map((option) => option.value).join(',');
  return input.value.trim();
}
