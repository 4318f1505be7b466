import { ListGroup } from '@bpmn-io/properties-panel';
import { checkboxEntry, numberEntry, selectEntry, textEntry, type EntryDefinition } from './attribute-entries';
import type { BpmnFactory, CommandStack, DiagramElement, ModdleObject, PropertiesCommand, Translate } from './services';

/**
 * A list of child elements of a govflow extension element, edited as a properties panel list
 * group: `<govflow:form><govflow:field …/></govflow:form>` on a user task, the process's
 * `<govflow:discretion><govflow:range …/></govflow:discretion>`. Adding creates the container
 * (and bpmn:ExtensionElements) when missing, in one undoable command.
 */
export interface ItemField {
  property: string;
  label: string;
  kind: 'text' | 'number' | 'checkbox' | 'select';
  description?: string;
  options?: readonly string[];
  /** What each option reads as (in English, translated like every label); the value itself otherwise. */
  optionLabels?: Readonly<Record<string, string>>;
}

export interface ExtensionListSpec {
  id: string;
  label: string;
  containerType: string;
  collection: string;
  itemType: string;
  /** Attributes of a newly added item, given how many there are. */
  newItem: (count: number) => Record<string, unknown>;
  itemLabel: (item: ModdleObject) => string;
  fields: readonly ItemField[];
}

export interface ListGroupDefinition {
  id: string;
  label: string;
  component: typeof ListGroup;
  items: Array<{ id: string; label: string; entries: EntryDefinition[]; autoFocusEntry: string; remove: () => void }>;
  add: (event: Event) => void;
  shouldOpen?: boolean;
}

interface Services {
  bpmnFactory: BpmnFactory;
  commandStack: CommandStack;
  translate: Translate;
}

function container(owner: ModdleObject, type: string): ModdleObject | undefined {
  const values = ((owner.get('extensionElements') as ModdleObject | undefined)?.get('values') as ModdleObject[] | undefined) ?? [];
  return values.find((value) => value.$type === type);
}

function itemsOf(owner: ModdleObject, spec: ExtensionListSpec): ModdleObject[] {
  return (container(owner, spec.containerType)?.get(spec.collection) as ModdleObject[] | undefined) ?? [];
}

function entry(field: ItemField, id: string, item: ModdleObject): EntryDefinition {
  const base = { id, attribute: field.property, label: field.label, description: field.description, target: () => item };
  switch (field.kind) {
    case 'number':
      return numberEntry({ ...base, step: 'any' });
    case 'checkbox':
      return checkboxEntry(base);
    case 'select':
      return selectEntry({ ...base, options: (_target, translate) => (field.options ?? []).map((value) => ({ value, label: translate(field.optionLabels?.[value] ?? value) })) });
    default:
      return textEntry(base);
  }
}

function addItem(element: DiagramElement, owner: ModdleObject, spec: ExtensionListSpec, { bpmnFactory, commandStack }: Services): void {
  const commands: PropertiesCommand[] = [];
  let extensionElements = owner.get('extensionElements') as ModdleObject | undefined;
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = owner;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: owner, properties: { extensionElements } } });
  }
  let list = container(owner, spec.containerType);
  if (!list) {
    list = bpmnFactory.create(spec.containerType, { [spec.collection]: [] });
    list.$parent = extensionElements;
    const values = (extensionElements.get('values') as ModdleObject[]) ?? [];
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensionElements, properties: { values: [...values, list] } } });
  }
  const existing = (list.get(spec.collection) as ModdleObject[]) ?? [];
  const item = bpmnFactory.create(spec.itemType, spec.newItem(existing.length));
  item.$parent = list;
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: list, properties: { [spec.collection]: [...existing, item] } } });
  commandStack.execute('properties-panel.multi-command-executor', commands);
}

function removeItem(element: DiagramElement, owner: ModdleObject, spec: ExtensionListSpec, item: ModdleObject, { commandStack }: Services): void {
  const list = container(owner, spec.containerType);
  if (!list) return;
  const remaining = ((list.get(spec.collection) as ModdleObject[]) ?? []).filter((candidate) => candidate !== item);
  commandStack.execute('properties-panel.multi-command-executor', [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: list, properties: { [spec.collection]: remaining } } }]);
}

/** The list group of `spec` for the element whose extension elements live on `owner`. */
export function extensionListGroup(element: DiagramElement, owner: ModdleObject, spec: ExtensionListSpec, services: Services): ListGroupDefinition {
  const items = itemsOf(owner, spec).map((item, index) => {
    const id = `${spec.id}-${index}`;
    return {
      id,
      label: spec.itemLabel(item) || `${services.translate(spec.label)} ${index + 1}`,
      entries: spec.fields.map((field) => entry(field, `${id}-${field.property}`, item)),
      autoFocusEntry: `${id}-${spec.fields[0].property}`,
      remove: () => removeItem(element, owner, spec, item, services),
    };
  });
  return {
    id: spec.id,
    label: services.translate(spec.label),
    component: ListGroup,
    items,
    add: (event: Event) => {
      event.stopPropagation();
      addItem(element, owner, spec, services);
    },
  };
}
