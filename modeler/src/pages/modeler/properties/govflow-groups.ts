import type { SelectOption } from '@bpmn-io/properties-panel';
import { actorTextEntry } from './actor-attributes';
import { checkboxEntry, numberEntry, selectEntry, textEntry, type EntryDefinition } from './attribute-entries';
import { candidateGroupsEntry } from './candidate-groups-entry';
import { countersignEntry } from './countersign-entry';
import type { ExtensionListSpec } from './extension-list-group';
import { processOf, userTasksOf, type DiagramElement, type ModdleObject, type Translate } from './services';
import { timeLimitEntries } from './time-limit-entries';

/** The govflow attributes the engine reads, as properties panel entries (labels are translated by the entries). */
const task = (element: DiagramElement) => element.businessObject as ModdleObject;

export function userTaskEntries(): EntryDefinition[] {
  return [
    candidateGroupsEntry('govflow-candidateGroups'),
    actorTextEntry({ id: 'govflow-candidateUsers', name: 'candidateUsers', label: 'Candidate users', description: 'Comma-separated user names, or ${…}' }),
    actorTextEntry({ id: 'govflow-assignee', name: 'assignee', label: 'Assignee' }),
    ...timeLimitEntries({ id: 'govflow-timeLimit', target: task, attribute: 'govflow:timeLimit', label: 'Step time limit' }),
    numberEntry({ id: 'govflow-warnBefore', target: task, attribute: 'govflow:warnBefore', label: 'Warn before (working days)', min: 0, integer: true }),
    textEntry({ id: 'govflow-decisions', target: task, attribute: 'govflow:decisions', label: 'Decisions', description: 'Comma-separated, e.g. approve,reject' }),
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

/** Form field types the engine knows (engine/definitions/form-spec.ts). */
const fieldTypes = ['string', 'text', 'number', 'integer', 'boolean', 'date', 'enum', 'list'] as const;

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
    { property: 'type', label: 'Field type', kind: 'select', options: fieldTypes },
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
