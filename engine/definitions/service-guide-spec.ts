import { extensionElement, formFields, type FormField } from './form-spec';
import { splitList, stringAttribute } from './task-actors';
import type { MaterialForm, MaterialSpec, ServiceGuideSpec } from '../records';

export const materialForms: readonly MaterialForm[] = ['original', 'copy', 'original-and-copy', 'electronic'];

/** The attributes of a process that make up its service guide (govflow:public … govflow:supplementLimit). */
const guideAttributes = ['public', 'serviceCode', 'legalBasis', 'conditions', 'fees', 'collection', 'incompleteAcceptance', 'supplementLimit'] as const;

/** The process's service guide (办事指南), or undefined when the model says nothing of one. */
export function serviceGuideSpec(process: ModdleElement): ServiceGuideSpec | undefined {
  const materials = materialSpecs(process);
  const said = guideAttributes.some((name) => process.get(`govflow:${name}`) !== undefined);
  if (!said && materials.length === 0) return undefined;
  const text = (name: (typeof guideAttributes)[number]) => stringAttribute(process, `govflow:${name}`);
  const guide: ServiceGuideSpec = { public: process.get('govflow:public') === true, incompleteAcceptance: process.get('govflow:incompleteAcceptance') === true, materials };
  for (const name of ['serviceCode', 'legalBasis', 'conditions', 'fees', 'collection', 'supplementLimit'] as const) {
    const value = text(name);
    if (value) guide[name] = value;
  }
  return guide;
}

/** The `<govflow:materials>` list of a process, in order. */
export function materialElements(process: ModdleElement): ModdleElement[] {
  return ((extensionElement(process, 'govflow:Materials')?.materials as ModdleElement[] | undefined) ?? []);
}

function materialSpecs(process: ModdleElement): MaterialSpec[] {
  return materialElements(process).map((material) => {
    const form = (materialForms as readonly unknown[]).includes(material.form) ? (material.form as MaterialForm) : 'copy';
    const spec: MaterialSpec = { key: String(material.key ?? ''), name: String(material.name ?? material.key ?? ''), form, required: material.required === true, essential: material.essential !== false };
    if (typeof material.copies === 'number') spec.copies = material.copies;
    if (typeof material.sample === 'string' && material.sample.trim()) spec.sample = material.sample.trim();
    if (typeof material.maxSizeMb === 'number') spec.maxSizeMb = material.maxSizeMb;
    const mediaTypes = splitList(typeof material.mediaTypes === 'string' ? material.mediaTypes : undefined);
    if (mediaTypes.length > 0) spec.mediaTypes = mediaTypes;
    return spec;
  });
}

/** The application form: the govflow:form of the process's plain start event (one without a message or timer). */
export function startFormSpec(process: ModdleElement): FormField[] {
  const starts = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter((element) => element.$type === 'bpmn:StartEvent' && !((element.eventDefinitions as unknown[] | undefined)?.length));
  return starts.length === 1 ? formFields(starts[0]) : [];
}
