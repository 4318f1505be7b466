import type { FieldType, FormField } from '../records';

/**
 * Forms drawn in Camunda 7 (`<camunda:formData>` of `<camunda:formField>`s) and in Flowable or
 * Activiti (`<flowable:formProperty>`s): the engine does not know their descriptors, so they
 * arrive as generic elements whose attributes are plain properties and whose content is
 * `$children`. Read into govflow's form fields when a task has no `<govflow:form>`.
 */

interface GenericElement {
  $type: string;
  $children?: GenericElement[];
  [attribute: string]: unknown;
}

const vendorTypes: Record<string, FieldType> = { string: 'string', long: 'integer', integer: 'integer', double: 'number', boolean: 'boolean', date: 'date', enum: 'enum' };

/** The vendor form fields of a task, in the order drawn; none when it has no vendor form. */
export function vendorFormFields(task: ModdleElement): FormField[] {
  const values = (((task.extensionElements as ModdleElement | undefined)?.values as GenericElement[] | undefined) ?? []);
  const camunda = values.filter((value) => value.$type === 'camunda:formData').flatMap((form) => (form.$children ?? []).filter((child) => child.$type === 'camunda:formField'));
  const properties = values.filter((value) => value.$type === 'flowable:formProperty' || value.$type === 'activiti:formProperty');
  return [...camunda.map(camundaField), ...properties.map(propertyField)].filter((field) => field.name !== '');
}

function camundaField(field: GenericElement): FormField {
  const constraints = (field.$children ?? []).filter((child) => child.$type === 'camunda:validation').flatMap((validation) => validation.$children ?? []);
  const required = constraints.some((constraint) => constraint.name === 'required');
  return withOptions({ name: String(field.id ?? ''), label: String(field.label ?? field.id ?? ''), type: vendorTypes[String(field.type)] ?? 'string', required }, field, 'camunda:value');
}

function propertyField(property: GenericElement): FormField {
  const prefix = property.$type.split(':')[0];
  const field: FormField = { name: String(property.id ?? ''), label: String(property.name ?? property.id ?? ''), type: vendorTypes[String(property.type)] ?? 'string', required: property.required === 'true' || property.required === true };
  return withOptions(field, property, `${prefix}:value`);
}

/** An enum's values are its `<…:value id name>` children; govflow offers their ids. */
function withOptions(field: FormField, element: GenericElement, valueType: string): FormField {
  if (field.type !== 'enum') return field;
  return { ...field, options: (element.$children ?? []).filter((child) => child.$type === valueType).map((value) => String(value.id ?? value.name ?? '')).filter(Boolean) };
}
