import { CheckboxEntry, isCheckboxEntryEdited, isNumberFieldEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited, NumberFieldEntry, SelectEntry, TextFieldEntry, type SelectOption } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { orUndefined, text, type Debounce, type DiagramElement, type Modeling, type ModdleObject, type Translate } from './services';

/**
 * Entries that edit one attribute of a moddle object (the task, its process, a form field):
 * text, number, checkbox and select, built on the properties panel's own entry components.
 */
interface AttributeEntryProps {
  id: string;
  element: DiagramElement;
  /** The moddle object whose attribute the entry edits. */
  target: (element: DiagramElement) => ModdleObject | undefined;
  attribute: string;
  label: string;
  description?: string;
}

export interface EntryDefinition {
  id: string;
  component: (props: never) => unknown;
  isEdited?: (node: HTMLElement | null) => boolean;
  [prop: string]: unknown;
}

/** The properties panel's services every govflow entry writes through. */
export function useEntryServices(): { modeling: Modeling; translate: Translate; debounce: Debounce } {
  return { modeling: useService<Modeling>('modeling'), translate: useService<Translate>('translate'), debounce: useService<Debounce>('debounceInput') };
}

/** What a text entry's value will look like elsewhere, shown under it as it is typed (decisions as staff read them). */
type Describe = (value: string, translate: Translate) => string | undefined;

function AttributeText(props: AttributeEntryProps & { placeholder?: string; describe?: Describe }) {
  const { modeling, translate, debounce } = useEntryServices();
  const target = props.target(props.element);
  if (!target) return null;
  const value = text(target, props.attribute);
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: translate(props.label),
    description: (value && props.describe?.(value, translate)) || (props.description && translate(props.description)),
    debounce,
    getValue: () => text(target, props.attribute),
    setValue: (value: string) => modeling.updateModdleProperties(props.element, target, { [props.attribute]: orUndefined(value) }),
  });
}

function AttributeNumber(props: AttributeEntryProps & { min?: number; max?: number; step?: number | string; integer?: boolean }) {
  const { modeling, translate, debounce } = useEntryServices();
  const target = props.target(props.element);
  if (!target) return null;
  return h(NumberFieldEntry, {
    id: props.id,
    element: props.element,
    label: translate(props.label),
    description: props.description && translate(props.description),
    debounce,
    min: props.min,
    max: props.max,
    step: props.step ?? (props.integer ? 1 : 'any'),
    getValue: () => {
      const value = target.get(props.attribute);
      return typeof value === 'number' ? value : undefined;
    },
    setValue: (value: number | undefined) => modeling.updateModdleProperties(props.element, target, { [props.attribute]: value === undefined || Number.isNaN(value) ? undefined : value }),
  });
}

function AttributeCheckbox(props: AttributeEntryProps) {
  const { modeling, translate } = useEntryServices();
  const target = props.target(props.element);
  if (!target) return null;
  return h(CheckboxEntry, {
    id: props.id,
    element: props.element,
    label: translate(props.label),
    description: props.description && translate(props.description),
    getValue: () => target.get(props.attribute) === true,
    setValue: (checked: boolean) => modeling.updateModdleProperties(props.element, target, { [props.attribute]: checked ? true : undefined }),
  });
}

function AttributeSelect(props: AttributeEntryProps & { options: (target: ModdleObject, translate: Translate) => SelectOption[] }) {
  const { modeling, translate } = useEntryServices();
  const target = props.target(props.element);
  if (!target) return null;
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: translate(props.label),
    description: props.description && translate(props.description),
    getOptions: () => props.options(target, translate),
    getValue: () => text(target, props.attribute),
    setValue: (value: string) => modeling.updateModdleProperties(props.element, target, { [props.attribute]: orUndefined(value) }),
  });
}

type Spec<Extra = object> = Omit<AttributeEntryProps, 'element'> & Extra;

export const textEntry = (spec: Spec<{ placeholder?: string; describe?: Describe }>): EntryDefinition => ({ ...spec, component: AttributeText, isEdited: isTextFieldEntryEdited });
export const numberEntry = (spec: Spec<{ min?: number; max?: number; step?: number | string; integer?: boolean }>): EntryDefinition => ({ ...spec, component: AttributeNumber, isEdited: isNumberFieldEntryEdited });
export const checkboxEntry = (spec: Spec): EntryDefinition => ({ ...spec, component: AttributeCheckbox, isEdited: isCheckboxEntryEdited });
export const selectEntry = (spec: Spec<{ options: (target: ModdleObject, translate: Translate) => SelectOption[] }>): EntryDefinition => ({ ...spec, component: AttributeSelect, isEdited: isSelectEntryEdited });
