import { isSelectEntryEdited, isTextFieldEntryEdited, SelectEntry, TextFieldEntry, type SelectOption } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { decisionLabel } from '../../inbox/work-labels';
import { operators, readRule, typedValue, writeRule, type ConditionRule, type Operator } from '../conditions/condition-rule';
import type { EntryDefinition } from './attribute-entries';
import { useEntryServices } from './attribute-entries';
import { splitList, type BpmnFactory, type DiagramElement, type ModdleObject } from './services';

/** A variable a branch may test: the deciding step's `decision`, or a field of a form filled before it. */
interface Subject {
  name: string;
  label: string;
  type?: string;
  /** For the decision: the values the steps before offer. */
  choices?: string[];
}

/** What each comparison reads as (translated like every label). */
const operatorLabels: Record<Operator, string> = { '==': 'equals', '!=': 'does not equal', '>': 'is more than', '>=': 'is at least', '<': 'is less than', '<=': 'is at most' };

const flowOf = (element: DiagramElement) => element.businessObject as ModdleObject;

/** The flow's condition as text ('' for none). */
function conditionText(flow: ModdleObject): string {
  const expression = flow.get('conditionExpression') as ModdleObject | undefined;
  return typeof expression?.get('body') === 'string' ? (expression.get('body') as string) : '';
}

/** What a flow leaving a gateway (or a step) may test: the decisions and form fields of the steps just before. */
function subjectsOf(flow: ModdleObject): Subject[] {
  const source = flow.get('sourceRef') as ModdleObject | undefined;
  if (!source) return [];
  const steps = source.$type === 'bpmn:UserTask' ? [source] : ((source.get('incoming') as ModdleObject[] | undefined) ?? []).map((incoming) => incoming.get('sourceRef') as ModdleObject).filter((step) => step?.$type === 'bpmn:UserTask');
  const decisions = [...new Set(steps.flatMap((step) => splitList(step.get('govflow:decisions'))))];
  const fields = steps.flatMap((step) => formFieldsOf(step)).filter((field) => field.name !== 'decision');
  return [{ name: 'decision', label: 'Decision of the step before', choices: decisions }, ...fields];
}

function formFieldsOf(step: ModdleObject): Subject[] {
  const values = ((step.get('extensionElements') as ModdleObject | undefined)?.get('values') as ModdleObject[] | undefined) ?? [];
  const form = values.find((value) => value.$type === 'govflow:Form');
  return ((form?.get('fields') as ModdleObject[] | undefined) ?? []).flatMap((field) => (typeof field.get('name') === 'string' && field.get('type') !== 'materials' ? [{ name: field.get('name') as string, label: String(field.get('label') ?? field.get('name')), type: field.get('type') as string | undefined }] : []));
}

/** Writes a condition (or removes it, for ''), one undoable change. */
function useConditionWriter(element: DiagramElement): (body: string) => void {
  const { modeling } = useEntryServices();
  const factory = useService<BpmnFactory>('bpmnFactory');
  return (body) => {
    const flow = flowOf(element);
    const conditionExpression = body.trim() === '' ? undefined : factory.create('bpmn:FormalExpression', { body: body.trim() });
    modeling.updateModdleProperties(element, flow, { conditionExpression });
  };
}

/** The variable the rule tests; choosing one starts the rule as "equals" with an empty value to fill in. */
function ConditionSubject(props: { id: string; element: DiagramElement }) {
  const { translate } = useEntryServices();
  const write = useConditionWriter(props.element);
  const flow = flowOf(props.element);
  const subjects = subjectsOf(flow);
  const rule = readRule(conditionText(flow));
  const options: SelectOption[] = [{ value: '', label: translate(rule || conditionText(flow) === '' ? 'No condition' : 'Written expression (below)') }, ...subjects.map((subject) => ({ value: subject.name, label: subject.name === 'decision' ? translate(subject.label) : `${subject.label}（${subject.name}）` }))];
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: translate('Branch on'),
    getOptions: () => options,
    getValue: () => rule?.subject ?? '',
    setValue: (name: string) => {
      const subject = subjects.find((candidate) => candidate.name === name);
      if (!subject) return write(rule ? '' : conditionText(flow));
      write(writeRule({ subject: name, operator: '==', value: name === 'decision' && subject.choices?.[0] ? subject.choices[0] : typedValue('', subject.type) }));
    },
  });
}

function ConditionOperator(props: { id: string; element: DiagramElement }) {
  const { translate } = useEntryServices();
  const write = useConditionWriter(props.element);
  const rule = readRule(conditionText(flowOf(props.element)));
  if (!rule) return null;
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: translate('Comparison'),
    getOptions: () => operators.map((operator) => ({ value: operator, label: translate(operatorLabels[operator]) })),
    getValue: () => rule.operator,
    setValue: (operator: string) => write(writeRule({ ...rule, operator: operator as Operator })),
  });
}

/** The value compared with: one of the decisions offered before (by its label), or what is typed for a field. */
function ConditionValue(props: { id: string; element: DiagramElement }) {
  const { translate, debounce } = useEntryServices();
  const write = useConditionWriter(props.element);
  const flow = flowOf(props.element);
  const rule = readRule(conditionText(flow));
  if (!rule) return null;
  const subject = subjectsOf(flow).find((candidate) => candidate.name === rule.subject);
  const update = (value: ConditionRule['value']) => write(writeRule({ ...rule, value }));
  if (rule.subject === 'decision' && subject?.choices && subject.choices.length > 0) {
    const choices = subject.choices.includes(String(rule.value)) ? subject.choices : [String(rule.value), ...subject.choices];
    return h(SelectEntry, {
      id: props.id,
      element: props.element,
      label: translate('Value'),
      getOptions: () => choices.map((choice) => ({ value: choice, label: `${decisionLabel(choice)}（${choice}）` })),
      getValue: () => String(rule.value),
      setValue: (value: string) => update(value),
    });
  }
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: translate('Value'),
    debounce,
    getValue: () => String(rule.value),
    setValue: (value: string | undefined) => update(typedValue(value ?? '', subject?.type)),
  });
}

/** The condition as the engine runs it, to read, or to write by hand (JUEL `${…}` or FEEL `= …`); the lint panel checks it as deploy does. */
function ConditionExpression(props: { id: string; element: DiagramElement }) {
  const { translate, debounce } = useEntryServices();
  const write = useConditionWriter(props.element);
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: translate('Condition expression'),
    description: translate('e.g. ${decision == "accept"} or = amount > 1000; empty: no condition'),
    debounce,
    getValue: () => conditionText(flowOf(props.element)),
    setValue: (value: string | undefined) => write(value ?? ''),
  });
}

/** The entries of a sequence flow's condition (流转条件). */
export function conditionEntries(): EntryDefinition[] {
  return [
    { id: 'govflow-condition-subject', component: ConditionSubject, isEdited: isSelectEntryEdited },
    { id: 'govflow-condition-operator', component: ConditionOperator, isEdited: isSelectEntryEdited },
    { id: 'govflow-condition-value', component: ConditionValue, isEdited: isTextFieldEntryEdited },
    { id: 'govflow-condition-expression', component: ConditionExpression, isEdited: isTextFieldEntryEdited },
  ];
}

/** Flows a condition belongs on: those leaving an exclusive or inclusive gateway, and conditional flows leaving a step. */
export function takesCondition(element: DiagramElement): boolean {
  const flow = flowOf(element);
  if (flow.$type !== 'bpmn:SequenceFlow') return false;
  const source = flow.get('sourceRef') as ModdleObject | undefined;
  return source?.$type === 'bpmn:ExclusiveGateway' || source?.$type === 'bpmn:InclusiveGateway' || conditionText(flow) !== '';
}
