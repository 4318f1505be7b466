import type { Element } from 'bpmn-js/lib/model/Types';
import type { Directory } from '../../../../../engine/api-types';

export type { Directory };

/** A bpmn-moddle object (business object or extension element). */
export interface ModdleObject {
  $type: string;
  $parent?: ModdleObject;
  id?: string;
  name?: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  [property: string]: unknown;
}

export type DiagramElement = Element;

/** The services of the modeler the govflow properties call, as far as they call them. */
export interface Modeling {
  updateModdleProperties(element: DiagramElement, moddleElement: ModdleObject, properties: Record<string, unknown>): void;
}

export interface BpmnFactory {
  create(type: string, attributes?: Record<string, unknown>): ModdleObject;
}

export interface CommandStack {
  execute(command: string, context: unknown): void;
}

/** One step of the properties panel's multi-command (one undo step for several changes). */
export interface PropertiesCommand {
  cmd: 'element.updateModdleProperties';
  context: { element: DiagramElement; moddleElement: ModdleObject; properties: Record<string, unknown> };
}

export type Translate = (text: string, values?: Record<string, unknown>) => string;
export type Debounce = <F extends (...args: never[]) => void>(fn: F) => F;

/** The modeler's `govflow` configuration, read by the properties provider. */
export interface GovflowConfig {
  directory: Directory;
}

/** A comma-separated attribute's trimmed items (the engine's splitList). */
export function splitList(value: unknown): string[] {
  return (typeof value === 'string' ? value : '').split(',').map((item) => item.trim()).filter(Boolean);
}

/** A string attribute, or '' when absent. */
export function text(target: ModdleObject, attribute: string): string {
  const value = target.get(attribute);
  return value === undefined || value === null ? '' : String(value);
}

/** The value to store for a text input: blank removes the attribute (the panel passes a cleared input as undefined). */
export function orUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/** The process an element edits: a process root, or a pool's process. */
export function processOf(element: DiagramElement): ModdleObject | undefined {
  const businessObject = element.businessObject as ModdleObject;
  if (businessObject.$type === 'bpmn:Process') return businessObject;
  if (businessObject.$type === 'bpmn:Participant') return businessObject.processRef as ModdleObject | undefined;
  return undefined;
}

/** The user tasks of a process, sub-processes included, for selects. */
export function userTasksOf(container: ModdleObject): ModdleObject[] {
  const tasks: ModdleObject[] = [];
  for (const element of (container.flowElements as ModdleObject[] | undefined) ?? []) {
    if (element.$type === 'bpmn:UserTask') tasks.push(element);
    if (element.flowElements) tasks.push(...userTasksOf(element));
  }
  return tasks;
}
