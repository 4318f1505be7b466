import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { FormField } from './inbox-types';

type FieldInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** One field of a step's form as the page shows it: its element, its value as the API checks it, and what the browser finds wrong. */
export interface FieldControl {
  element: HTMLElement;
  /** undefined when left empty. */
  value(): unknown;
  /** In the page's words; null when fine. */
  problem(): string | null;
  /** Shows a value kept from before (a draft), as `value()` would answer it. */
  set(value: unknown): void;
}

/** The control for one field of a step's form, with the model's constraints as HTML attributes. */
export function fieldControl(field: FormField, id: string): FieldControl {
  if (field.type === 'materials') return materialsControl(field, id);
  const input = fieldInput({ ...field, type: field.type }, id);
  return { element: input, value: () => fieldValue(field, input), problem: () => constraintProblem(field, input), set: (value) => setValue(input, value) };
}

/** A field that one input holds (every type but materials). */
type SingleInputField = FormField & { type: Exclude<FormField['type'], 'materials'> };

function fieldInput(field: SingleInputField, id: string): FieldInput {
  const common = { id, name: field.name, required: field.required, dataset: { type: field.type } };
  switch (field.type) {
    case 'text':
      return h('textarea', { ...common, rows: 3, maxlength: field.maxLength, minlength: field.minLength });
    case 'list':
      return h('textarea', { ...common, rows: 3, placeholder: t('inbox.form.listHint') });
    case 'number':
      return h('input', { ...common, type: 'number', step: 'any', min: field.min, max: field.max });
    case 'integer':
      return h('input', { ...common, type: 'number', step: 1, min: field.min, max: field.max });
    case 'boolean':
      return h('input', { ...common, type: 'checkbox', required: false });
    case 'date':
      return h('input', { ...common, type: 'date' });
    case 'enum':
      return h('select', common, h('option', { value: '' }, t('inbox.form.choose')), ...(field.options ?? []).map((option) => h('option', { value: option }, option)));
    case 'string':
      return h('input', { ...common, type: 'text', maxlength: field.maxLength, minlength: field.minLength });
  }
}

/**
 * The materials of the service to ask for (一次性告知): a box per material and, once ticked, what
 * is missing or wrong with it, in the clerk's words — the applicant reads them as written.
 */
function materialsControl(field: FormField, id: string): FieldControl {
  const rows = (field.options ?? []).map((key, index) => {
    const box = h('input', { type: 'checkbox', id: `${id}-${index}`, value: key, dataset: { material: key } });
    const reason = h('input', { type: 'text', id: `${id}-${index}-reason`, maxlength: field.maxLength, placeholder: t('inbox.form.materialReason'), 'aria-label': t('inbox.form.materialReasonOf', { name: field.optionLabels?.[key] ?? key }), disabled: true });
    box.addEventListener('change', () => {
      reason.disabled = !box.checked;
      if (box.checked) reason.focus();
    });
    const row = h('div', { class: 'material-choice' }, h('span', { class: 'checkbox' }, box, h('label', { for: box.id }, field.optionLabels?.[key] ?? key)), reason);
    return { row, box, reason };
  });
  const chosen = () => rows.filter(({ box }) => box.checked);
  return {
    element: h('div', { id, class: 'material-choices', role: 'group', dataset: { type: field.type } }, ...rows.map(({ row }) => row)),
    value() {
      const picked = chosen().map(({ box, reason }) => ({ material: box.value, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }));
      return picked.length > 0 ? picked : undefined;
    },
    problem() {
      if (field.required && chosen().length === 0) return t('inbox.form.required');
      const invalid = chosen().find(({ reason }) => !reason.validity.valid);
      return invalid ? constraintProblem(field, invalid.reason) : null;
    },
    set(value) {
      const picked = new Map((Array.isArray(value) ? (value as Array<{ material: string; reason?: string }>) : []).map((item) => [item.material, item.reason ?? '']));
      for (const { box, reason } of rows) {
        box.checked = picked.has(box.value);
        reason.disabled = !box.checked;
        reason.value = picked.get(box.value) ?? '';
      }
    },
  };
}

/** Puts a value back into its input: a list one item a line, a box ticked or not. */
function setValue(input: FieldInput, value: unknown): void {
  if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
  else input.value = Array.isArray(value) ? value.join('\n') : value === undefined || value === null ? '' : String(value);
}

/** The value of a field as the API checks it; undefined when left empty. */
function fieldValue(field: FormField, input: FieldInput): unknown {
  if (field.type === 'boolean') return (input as HTMLInputElement).checked;
  const raw = input.value.trim();
  if (raw === '') return undefined;
  switch (field.type) {
    case 'number':
    case 'integer':
      return Number(raw);
    case 'list':
      return raw
        .split(/\n|[,，、]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'text':
      return input.value;
    default:
      return raw;
  }
}

/** What the browser's constraint check found wrong with a field, in the page's words; null when fine. */
function constraintProblem(field: FormField, input: FieldInput): string | null {
  const validity = input.validity;
  if (validity.valid) return null;
  if (validity.valueMissing) return t('inbox.form.required');
  if (validity.rangeUnderflow) return t('inbox.form.min', { min: field.min ?? '' });
  if (validity.rangeOverflow) return t('inbox.form.max', { max: field.max ?? '' });
  if (validity.tooLong) return t('inbox.form.maxLength', { max: field.maxLength ?? '' });
  if (validity.tooShort) return t('inbox.form.minLength', { min: field.minLength ?? '' });
  if (validity.stepMismatch && field.type === 'integer') return t('inbox.form.integer');
  return t('inbox.form.invalid');
}
