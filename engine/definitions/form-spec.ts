import { splitList } from './task-actors';
import type { FieldType, FormField } from '../records';
export type { FieldType, FormField } from '../records';

export const fieldTypes: readonly FieldType[] = ['string', 'text', 'number', 'integer', 'boolean', 'date', 'enum', 'list', 'materials'];

/** Reads the `<govflow:form>` of an element's extension elements; no form means no fields. */
export function formFields(element: ModdleElement): FormField[] {
  const form = extensionElement(element, 'govflow:Form');
  return ((form?.fields as ModdleElement[] | undefined) ?? []).map(formField);
}

/** The first extension element of a type, e.g. govflow:Form on a task or govflow:Discretion on a process. */
export function extensionElement(element: ModdleElement, type: string): ModdleElement | undefined {
  const values = ((element.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];
  return values.find((value) => value.$type === type);
}

function formField(field: ModdleElement): FormField {
  const type = (fieldTypes as readonly string[]).includes(String(field.type)) ? (field.type as FieldType) : 'string';
  const spec: FormField = { name: String(field.name ?? ''), label: String(field.label ?? field.name ?? ''), type, required: field.required === true };
  if (type === 'enum') spec.options = splitList(typeof field.options === 'string' ? field.options : undefined);
  for (const key of ['minLength', 'maxLength', 'min', 'max', 'minItems'] as const) {
    if (typeof field[key] === 'number') spec[key] = field[key] as number;
  }
  return spec;
}
