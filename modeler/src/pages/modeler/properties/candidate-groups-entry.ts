import { isSelectEntryEdited, ListEntry, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { actorAttribute, isVendorAttribute } from './actor-attributes';
import { useEntryServices, type EntryDefinition } from './attribute-entries';
import { splitList, type DiagramElement, type GovflowConfig, type Modeling, type ModdleObject, type Translate } from './services';

/**
 * govflow:candidateGroups as a list of `role@department` groups, each picked with a department
 * select and a role select from the server's directory (GET /api/directory), never typed.
 * An item of another form (an expression `${…}`, a Camunda group name) keeps a text field. A
 * task whose groups another tool wrote (camunda:candidateGroups …) lists and edits those, where
 * they are (actor-attributes.ts).
 */
interface Item {
  index: number;
  value: string;
}

const groupsOf = (task: ModdleObject) => splitList(task.get(actorAttribute(task, 'candidateGroups')));
const groupPattern = /^([^@\s]+)@([^@\s]+)$/;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter(Boolean).sort();
}

function choices(config: GovflowConfig, current: string[]): { departments: string[]; roles: string[] } {
  const groups = [...config.directory.groups, ...current].map((group) => groupPattern.exec(group)).filter((match): match is RegExpExecArray => match !== null);
  return {
    departments: unique([...config.directory.departments, ...groups.map((match) => match[2])]),
    roles: unique(groups.map((match) => match[1])),
  };
}

function write(modeling: Modeling, element: DiagramElement, task: ModdleObject, groups: string[]): void {
  modeling.updateModdleProperties(element, task, { [actorAttribute(task, 'candidateGroups')]: groups.length ? groups.join(',') : undefined });
}

interface ItemProps {
  id: string;
  element: DiagramElement;
  item: Item;
}

function CandidateGroup(props: ItemProps) {
  const { modeling, translate, debounce } = useEntryServices();
  const config = useService<GovflowConfig>('config.govflow');
  const task = props.element.businessObject as ModdleObject;
  const groups = groupsOf(task);
  const { index, value } = props.item;
  const replace = (next: string) => write(modeling, props.element, task, groups.map((group, at) => (at === index ? next : group)));
  const id = `${props.id}-${index}`;
  const match = groupPattern.exec(value);
  if (!match) {
    return h(TextFieldEntry, { id: `${id}-expression`, element: props.element, label: translate('Candidate groups'), debounce, getValue: () => value, setValue: (next: string) => replace(next.trim()) });
  }
  const { departments, roles } = choices(config, groups);
  const [, role, department] = match;
  return h(
    'div',
    { class: 'govflow-candidate-group' },
    h(SelectEntry, {
      id: `${id}-department`,
      element: props.element,
      label: translate('Department'),
      getOptions: () => departments.map((code) => ({ value: code, label: config.directory.unitNames[code] ?? code })),
      getValue: () => department,
      setValue: (next: string) => replace(`${role}@${next}`),
    }),
    h(SelectEntry, {
      id: `${id}-role`,
      element: props.element,
      label: translate('Role'),
      getOptions: () => roles.map((name) => ({ value: name, label: name })),
      getValue: () => role,
      setValue: (next: string) => replace(`${next}@${department}`),
    }),
  );
}

function CandidateGroups(props: { id: string; element: DiagramElement }) {
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  const config = useService<GovflowConfig>('config.govflow');
  const task = props.element.businessObject as ModdleObject;
  const groups = groupsOf(task);
  const source = actorAttribute(task, 'candidateGroups');
  const items: Item[] = groups.map((value, index) => ({ index, value }));
  const add = () => {
    const { departments, roles } = choices(config, groups);
    const known = config.directory.groups.find((group) => !groups.includes(group));
    const next = known ?? `${roles[0] ?? 'role'}@${departments[0] ?? 'department'}`;
    write(modeling, props.element, task, [...groups, next]);
  };
  const remove = (item: Item) => write(modeling, props.element, task, groups.filter((_, at) => at !== item.index));
  return h(ListEntry, {
    id: props.id,
    element: props.element,
    label: isVendorAttribute(source) ? `${translate('Candidate groups')} · ${source}` : translate('Candidate groups'),
    items,
    component: CandidateGroup as never,
    onAdd: add,
    onRemove: remove as never,
    open: true,
    translate,
  });
}

export function candidateGroupsEntry(id: string): EntryDefinition {
  return { id, component: CandidateGroups, isEdited: isSelectEntryEdited };
}
