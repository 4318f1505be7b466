import type { ActorAttributes } from '../records';
export type { ActorAttributes } from '../records';
/** Reads govflow: attributes, falling back to camunda: ones so Camunda Modeler models run unchanged. */
export function actorAttributes(task: ModdleElement): ActorAttributes {
  const read = (name: string) => stringAttribute(task, `govflow:${name}`) ?? stringAttribute(task, `camunda:${name}`);
  return {
    assignee: read('assignee'),
    candidateUsers: splitList(read('candidateUsers')),
    candidateGroups: splitList(read('candidateGroups')),
  };
}

/** A trimmed attribute value, or undefined when absent or blank. */
export function stringAttribute(element: ModdleElement, name: string): string | undefined {
  const value = element.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Splits a comma-separated attribute into its trimmed, non-empty items. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
