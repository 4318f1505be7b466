import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { FieldErrors } from './field-errors';
import { fieldControl, type FieldControl } from './form-inputs';
import type { FormField } from './inbox-types';

export interface RenderedForm {
  element: HTMLElement;
  /** The entered values by field name, empty fields left out. */
  values(): Record<string, unknown>;
  /** Shows what the browser can check (required, range, length) next to the fields; true when nothing is wrong. */
  check(errors: FieldErrors): boolean;
  /** Shows values kept from before (a draft), by field name. */
  fill(values: Record<string, unknown>): void;
}

/** A step's form (or an application's) rendered from the model's fields; problems go to `/data/<name>` slots of `errors`. */
export function renderTaskForm(fields: FormField[], errors: FieldErrors, legend = t('inbox.form.title')): RenderedForm {
  const controls = new Map<FormField, FieldControl>();
  const rows = fields.map((field) => {
    const id = `field-${field.name}`;
    const input = fieldControl(field, id);
    controls.set(field, input);
    // a group of boxes is named by its label through aria-labelledby; a single input by for=
    const label = h(field.type === 'materials' ? 'span' : 'label', field.type === 'materials' ? { id: `${id}-label`, class: 'label' } : { for: id }, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
    if (field.type === 'materials') input.element.setAttribute('aria-labelledby', `${id}-label`);
    const hint = hintOf(field);
    const control = field.type === 'boolean' ? h('span', { class: 'checkbox' }, input.element, h('label', { for: id }, t('inbox.form.yes'))) : input.element;
    return h('div', { class: 'field', dataset: { field: field.name } }, label, control, hint ? h('small', { class: 'hint' }, hint) : null, errors.slot(`/data/${field.name}`));
  });
  return {
    element: h('fieldset', { class: 'task-form' }, h('legend', {}, legend), ...rows),
    values() {
      const data: Record<string, unknown> = {};
      for (const [field, input] of controls) {
        const value = input.value();
        if (value !== undefined) data[field.name] = value;
      }
      return data;
    },
    check(target) {
      let fine = true;
      for (const [field, input] of controls) {
        const problem = input.problem();
        if (!problem) continue;
        target.show(`/data/${field.name}`, problem);
        fine = false;
      }
      return fine;
    },
    fill(values) {
      for (const [field, input] of controls) if (field.name in values) input.set(values[field.name]);
    },
  };
}

/** The model's limits in words, beside the field: 0 – 1000, ≤ 10 字. */
function hintOf(field: FormField): string {
  const parts: string[] = [];
  if (field.min !== undefined || field.max !== undefined) parts.push(`${field.min ?? ''} – ${field.max ?? ''}`);
  if (field.type === 'materials') parts.push(t('inbox.form.materialsHint'));
  if (field.maxLength !== undefined) parts.push(t('inbox.form.maxLength', { max: field.maxLength }));
  if (field.minItems !== undefined) parts.push(t('inbox.form.minItems', { min: field.minItems }));
  if (field.type === 'list') parts.push(t('inbox.form.listHint'));
  return parts.join('，');
}
