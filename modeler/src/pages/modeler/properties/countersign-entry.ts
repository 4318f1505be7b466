import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { EntryDefinition } from './attribute-entries';
import { text, type BpmnFactory, type CommandStack, type DiagramElement, type ModdleObject, type PropertiesCommand, type Translate } from './services';

/**
 * govflow:countersign (all 会签, any 或签, vote 票签). A countersign runs on a multi-instance user
 * task, so choosing a rule for a task without the marker adds a parallel one in the same step.
 */
const rules = [
  { value: '', label: 'None' },
  { value: 'all', label: 'All must approve (会签)' },
  { value: 'any', label: 'Any one decides (或签)' },
  { value: 'vote', label: 'Vote by share (票签)' },
];

function Countersign(props: { id: string; element: DiagramElement }) {
  const translate = useService<Translate>('translate');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const commandStack = useService<CommandStack>('commandStack');
  const task = props.element.businessObject as ModdleObject;
  const setValue = (value: string) => {
    const commands: PropertiesCommand[] = [{ cmd: 'element.updateModdleProperties', context: { element: props.element, moddleElement: task, properties: { 'govflow:countersign': value || undefined } } }];
    if (value && !task.get('loopCharacteristics')) {
      const loop = bpmnFactory.create('bpmn:MultiInstanceLoopCharacteristics');
      loop.$parent = task;
      commands.push({ cmd: 'element.updateModdleProperties', context: { element: props.element, moddleElement: task, properties: { loopCharacteristics: loop } } });
    }
    commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: translate('Countersign rule'),
    getOptions: () => rules.map((rule) => ({ value: rule.value, label: translate(rule.label) })),
    getValue: () => text(task, 'govflow:countersign'),
    setValue,
  });
}

export function countersignEntry(id: string): EntryDefinition {
  return { id, component: Countersign, isEdited: isSelectEntryEdited };
}
