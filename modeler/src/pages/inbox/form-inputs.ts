import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { FormField } from './inbox-types';

export type FieldInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The input for one field of a step's form, with the model's constraints as HTML attributes. */
export function fieldInput(field: FormField, id: string): FieldInput {
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

/** The value of a field as the API checks it; undefined when left empty. */
export function fieldValue(field: FormField, input: FieldInput): unknown {
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
export function constraintProblem(field: FormField, input: FieldInput): string | null {
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
