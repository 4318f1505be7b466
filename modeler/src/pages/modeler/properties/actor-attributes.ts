import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useEntryServices, type EntryDefinition } from './attribute-entries';
import { actorDialects } from '../../../../../engine/definitions/task-actors';
import { orUndefined, text, type DiagramElement, type ModdleObject } from './services';

/**
 * Who acts on a user task, read as the engine reads it (engine/definitions/task-actors.ts):
 * `govflow:assignee` / `candidateUsers` / `candidateGroups`, else the `camunda:`, then `flowable:`,
 * then `activiti:` attribute of the same name. The vendor attributes are plain `$attrs` of the
 * task (the modeler loads only the govflow moddle extension, see engine/definitions/moddle.ts),
 * read and written by their qualified names; their `xmlns:` declarations stay on the definitions.
 *
 * The editing rule: an entry edits the attribute the engine reads. A task drawn in Camunda
 * Modeler with camunda:assignee="clerk" shows "clerk", and changing it rewrites
 * camunda:assignee, in the one command of the edit. The model keeps one source for each actor
 * attribute (never a govflow: copy that the engine would prefer and the drawing tool would not
 * see) and still reads the same in the tool it came from. Only when no prefix holds a value
 * does an entry write govflow:; so clearing a vendor value and typing a new one moves it to
 * govflow:, still a single source.
 */

/** The actor attributes of a user task, without their prefix. */
export type ActorName = 'assignee' | 'candidateUsers' | 'candidateGroups';

/** The qualified attribute `name` is read from on `task`: the first prefix with a non-blank value, else `govflow:`. */
export function actorAttribute(task: ModdleObject, name: ActorName): string {
  for (const prefix of actorDialects) {
    const value = task.get(`${prefix}:${name}`);
    if (typeof value === 'string' && value.trim() !== '') return `${prefix}:${name}`;
  }
  return `govflow:${name}`;
}

/** Whether `attribute` (from {@link actorAttribute}) is another tool's, so the entry says where the value is kept. */
export function isVendorAttribute(attribute: string): boolean {
  return !attribute.startsWith('govflow:');
}

interface ActorTextProps {
  id: string;
  element: DiagramElement;
  name: ActorName;
  label: string;
  description?: string;
}

function ActorText(props: ActorTextProps) {
  const { modeling, translate, debounce } = useEntryServices();
  const task = props.element.businessObject as ModdleObject;
  const source = actorAttribute(task, props.name);
  const description = isVendorAttribute(source) ? translate('Kept in {attribute}, as the tool that drew the model wrote it', { attribute: source }) : props.description && translate(props.description);
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: translate(props.label),
    description,
    debounce,
    getValue: () => text(task, actorAttribute(task, props.name)),
    // the source is looked up when the edit lands, not when the entry rendered
    setValue: (value: string) => modeling.updateModdleProperties(props.element, task, { [actorAttribute(task, props.name)]: orUndefined(value) }),
  });
}

/** A text entry for the task's assignee or candidate users, wherever the model keeps them. */
export const actorTextEntry = (spec: Omit<ActorTextProps, 'element'>): EntryDefinition => ({ ...spec, component: ActorText, isEdited: isTextFieldEntryEdited });
