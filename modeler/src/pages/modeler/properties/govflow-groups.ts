import type { SelectOption } from '@bpmn-io/properties-panel';
import { actorTextEntry } from './actor-attributes';
import { checkboxEntry, numberEntry, selectEntry, textEntry, type EntryDefinition } from './attribute-entries';
import { candidateGroupsEntry } from './candidate-groups-entry';
import { countersignEntry } from './countersign-entry';
import type { ExtensionListSpec } from './extension-list-group';
import { decisionLabel } from '../../inbox/work-labels';
import { processOf, splitList, userTasksOf, type DiagramElement, type ModdleObject, type Translate } from './services';
import { timeLimitEntries } from './time-limit-entries';

/** The govflow attributes the engine reads, as properties panel entries (labels are translated by the entries). */
const task = (element: DiagramElement) => element.businessObject as ModdleObject;

/** The decisions as the inbox will offer them: 同意（approve）; one the inbox has no words for shows as written. */
function decisionsAsRead(value: string, translate: Translate): string | undefined {
  const decisions = splitList(value);
  if (decisions.length === 0) return undefined;
  return translate('Staff choose from: {decisions}', { decisions: decisions.map((decision) => `${decisionLabel(decision)}（${decision}）`).join('、') });
}

export function userTaskEntries(): EntryDefinition[] {
  return [
    candidateGroupsEntry('govflow-candidateGroups'),
    actorTextEntry({ id: 'govflow-candidateUsers', name: 'candidateUsers', label: 'Candidate users', description: 'Comma-separated user names, or ${…}' }),
    actorTextEntry({ id: 'govflow-assignee', name: 'assignee', label: 'Assignee' }),
    ...timeLimitEntries({ id: 'govflow-timeLimit', target: task, attribute: 'govflow:timeLimit', label: 'Step time limit' }),
    numberEntry({ id: 'govflow-warnBefore', target: task, attribute: 'govflow:warnBefore', label: 'Warn before (working days)', min: 0, integer: true }),
    textEntry({ id: 'govflow-decisions', target: task, attribute: 'govflow:decisions', label: 'Decisions', description: 'Comma-separated, e.g. approve,reject', describe: decisionsAsRead }),
    checkboxEntry({ id: 'govflow-decisive', target: task, attribute: 'govflow:decisive', label: 'Decisive (completing it decides the case)' }),
    textEntry({ id: 'govflow-publicDecisions', target: task, attribute: 'govflow:publicDecisions', label: 'Public decisions (the applicant reads their opinion)' }),
    checkboxEntry({ id: 'govflow-pausesClock', target: task, attribute: 'govflow:pausesClock', label: 'Pauses the case clock' }),
    countersignEntry('govflow-countersign'),
    textEntry({ id: 'govflow-signers', target: task, attribute: 'govflow:signers', label: 'Signers', description: 'Users or groups (role@department), comma-separated' }),
    numberEntry({ id: 'govflow-passShare', target: task, attribute: 'govflow:passShare', label: 'Pass share (0–1, vote)', min: 0, max: 1, step: 0.05 }),
  ];
}

function userTaskOptions(empty: string) {
  return (process: ModdleObject, translate: Translate): SelectOption[] => [
    { value: '', label: translate(empty) },
    ...userTasksOf(process).map((step) => ({ value: String(step.id), label: step.name ? `${step.name} (${String(step.id)})` : String(step.id) })),
  ];
}

export function processEntries(): EntryDefinition[] {
  return [
    ...timeLimitEntries({ id: 'govflow-promisedLimit', target: processOf, attribute: 'govflow:promisedLimit', label: 'Promised limit' }),
    ...timeLimitEntries({ id: 'govflow-statutoryLimit', target: processOf, attribute: 'govflow:statutoryLimit', label: 'Statutory limit' }),
    selectEntry({ id: 'govflow-clockStart', target: processOf, attribute: 'govflow:clockStart', label: 'Case clock starts at', options: userTaskOptions('<the case start>') }),
    numberEntry({ id: 'govflow-processWarnBefore', target: processOf, attribute: 'govflow:warnBefore', label: 'Case warn before (working days)', min: 0, integer: true }),
    selectEntry({ id: 'govflow-legalReviewStep', target: processOf, attribute: 'govflow:legalReviewStep', label: 'Legal review step', options: userTaskOptions('<none>') }),
    textEntry({ id: 'govflow-initiators', target: processOf, attribute: 'govflow:initiators', label: 'Initiators', description: 'Roles or groups (role@department), comma-separated' }),
  ];
}

/** The process's service guide (办事指南), which the online hall lists when it is public. */
export function serviceGuideEntries(): EntryDefinition[] {
  return [
    checkboxEntry({ id: 'govflow-public', target: processOf, attribute: 'govflow:public', label: 'Listed in the online hall (public service)' }),
    textEntry({ id: 'govflow-serviceCode', target: processOf, attribute: 'govflow:serviceCode', label: 'Service code' }),
    textEntry({ id: 'govflow-legalBasis', target: processOf, attribute: 'govflow:legalBasis', label: 'Legal basis' }),
    textEntry({ id: 'govflow-conditions', target: processOf, attribute: 'govflow:conditions', label: 'Conditions' }),
    textEntry({ id: 'govflow-fees', target: processOf, attribute: 'govflow:fees', label: 'Fees' }),
    textEntry({ id: 'govflow-collection', target: processOf, attribute: 'govflow:collection', label: 'Where the result is collected' }),
    checkboxEntry({ id: 'govflow-incompleteAcceptance', target: processOf, attribute: 'govflow:incompleteAcceptance', label: 'Accept with non-essential materials to follow (容缺受理)' }),
    ...timeLimitEntries({ id: 'govflow-supplementLimit', target: processOf, attribute: 'govflow:supplementLimit', label: 'Limit for the missing materials' }),
  ];
}

/** Forms a material is handed in as (engine/definitions/service-guide-spec.ts). */
const materialForms = ['original', 'copy', 'original-and-copy', 'electronic'] as const;

export const materialsList: ExtensionListSpec = {
  id: 'govflow-materials',
  label: 'govflow materials',
  containerType: 'govflow:Materials',
  collection: 'materials',
  itemType: 'govflow:Material',
  newItem: (count) => ({ key: `material${count + 1}`, form: 'copy', required: true }),
  itemLabel: (material) => String(material.get('name') ?? material.get('key') ?? ''),
  fields: [
    { property: 'key', label: 'Material key', kind: 'text', description: 'Letters, digits, _ and -; attachments name it' },
    { property: 'name', label: 'Name', kind: 'text' },
    { property: 'form', label: 'Form', kind: 'select', options: materialForms },
    { property: 'copies', label: 'Copies', kind: 'number' },
    { property: 'required', label: 'Required', kind: 'checkbox' },
    { property: 'essential', label: 'Essential (容缺受理 cannot do without it)', kind: 'checkbox' },
    { property: 'sample', label: 'Sample or instructions', kind: 'text' },
    { property: 'maxSizeMb', label: 'Largest file (MB)', kind: 'number' },
    { property: 'mediaTypes', label: 'File types', kind: 'text', description: 'Comma-separated, e.g. application/pdf,image/jpeg' },
  ],
};

/** Form field types the engine knows (engine/definitions/form-spec.ts), and what a designer reads for each. */
const fieldTypeLabels = {
  string: 'Text (one line)',
  text: 'Text (several lines)',
  number: 'Number',
  integer: 'Whole number',
  boolean: 'Yes or no',
  date: 'Date',
  enum: 'One of the options',
  list: 'List of entries',
  materials: 'Materials to ask for (一次性告知)',
} as const;
const fieldTypes = Object.keys(fieldTypeLabels) as Array<keyof typeof fieldTypeLabels>;

export const formFieldsList: ExtensionListSpec = {
  id: 'govflow-form',
  label: 'govflow form',
  containerType: 'govflow:Form',
  collection: 'fields',
  itemType: 'govflow:Field',
  newItem: (count) => ({ name: `field${count + 1}`, type: 'string' }),
  itemLabel: (field) => String(field.get('label') ?? field.get('name') ?? ''),
  fields: [
    { property: 'name', label: 'Field name', kind: 'text' },
    { property: 'label', label: 'Label', kind: 'text' },
    { property: 'type', label: 'Field type', kind: 'select', options: fieldTypes, optionLabels: fieldTypeLabels },
    { property: 'required', label: 'Required', kind: 'checkbox' },
    { property: 'options', label: 'Options', kind: 'text', description: 'Comma-separated, for an enum' },
  ],
};

export const discretionList: ExtensionListSpec = {
  id: 'govflow-discretion',
  label: 'govflow discretion',
  containerType: 'govflow:Discretion',
  collection: 'ranges',
  itemType: 'govflow:Range',
  newItem: (count) => ({ violation: `violation${count + 1}` }),
  itemLabel: (range) => String(range.get('label') ?? range.get('violation') ?? ''),
  fields: [
    { property: 'violation', label: 'Violation', kind: 'text' },
    { property: 'label', label: 'Label', kind: 'text' },
    { property: 'fineMin', label: 'Minimum fine', kind: 'number' },
    { property: 'fineMax', label: 'Maximum fine', kind: 'number' },
  ],
};
