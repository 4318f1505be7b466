// Types for the parts of the untyped bpmn-io packages the modeler page calls.

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  /** A service of the modeler (modeling, translate, debounceInput …), inside a properties panel component. */
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  import type { ComponentChildren, FunctionComponent, VNode } from '@bpmn-io/properties-panel/preact';

  type DiagramElement = import('bpmn-js/lib/model/Types').Element;
  type Debounce = <F extends (...args: never[]) => void>(fn: F) => F;

  interface EntryProps<Value> {
    id: string;
    element: DiagramElement;
    label: string;
    description?: string;
    getValue: (element: DiagramElement) => Value;
    setValue: (value: Value, error?: string | null) => void;
    disabled?: boolean;
    validate?: (value: Value) => string | null | undefined;
  }

  export interface SelectOption {
    value: string;
    label: string;
    disabled?: boolean;
  }

  export const TextFieldEntry: FunctionComponent<EntryProps<string> & { debounce: Debounce; placeholder?: string }>;
  export const NumberFieldEntry: FunctionComponent<EntryProps<number | undefined> & { debounce: Debounce; min?: string | number; max?: string | number; step?: string | number }>;
  export const SelectEntry: FunctionComponent<EntryProps<string> & { getOptions: (element: DiagramElement) => SelectOption[] }>;
  export const CheckboxEntry: FunctionComponent<EntryProps<boolean>>;
  export const ListEntry: FunctionComponent<{
    id: string;
    element: DiagramElement;
    label: string;
    items: object[];
    component: FunctionComponent<never>;
    onAdd: () => void;
    onRemove?: (item: never) => void;
    open?: boolean;
    autoFocusEntry?: string | boolean;
    translate?: (text: string, values?: Record<string, unknown>) => string;
    [extra: string]: unknown;
  }>;
  export const Group: FunctionComponent<never>;
  export const ListGroup: FunctionComponent<never>;

  export function isTextFieldEntryEdited(node: HTMLElement | null): boolean;
  export function isNumberFieldEntryEdited(node: HTMLElement | null): boolean;
  export function isSelectEntryEdited(node: HTMLElement | null): boolean;
  export function isCheckboxEntryEdited(node: HTMLElement | null): boolean;

  export type { ComponentChildren, VNode };
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: import('didi').ModuleDeclaration;
  export default lintModule;
}

declare module 'bpmn-auto-layout' {
  /** The XML of `xml` with a generated diagram (DI) for its first process; the existing DI is dropped. */
  export function layoutProcess(xml: string): Promise<string>;
}
