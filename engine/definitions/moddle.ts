import { BpmnModdle } from 'bpmn-moddle';
import govflow from './govflow-moddle.json';

/**
 * The moddle extensions every govflow parser loads. Camunda's descriptor is deliberately not
 * among them: it defines the same property names (assignee, candidateGroups …) and moddle
 * refuses two packages extending one type with equal names. `camunda:` attributes stay readable
 * as plain attributes (element.get('camunda:assignee')), which is all govflow needs of them.
 */
export const moddleExtensions = { govflow };

/** A bpmn-moddle instance that knows the govflow attributes. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle(moddleExtensions);
}

/** The bpmn:Definitions an element belongs to (where its messages and errors are declared). */
export function definitionsOf(element: ModdleElement): ModdleElement | undefined {
  return ancestorOfType(element, 'bpmn:Definitions');
}

/** The bpmn:Process an element is drawn in, however deep in sub-processes (or the process itself). */
export function processOf(element: ModdleElement): ModdleElement | undefined {
  return ancestorOfType(element, 'bpmn:Process');
}

function ancestorOfType(element: ModdleElement, type: string): ModdleElement | undefined {
  let current: ModdleElement | undefined = element;
  while (current && current.$type !== type) current = current.$parent;
  return current;
}
