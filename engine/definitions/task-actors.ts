import type { ActorAttributes } from '../records';
export type { ActorAttributes } from '../records';

/**
 * Where models say who acts on a user task, in the order govflow reads them: its own attributes,
 * then those of the Camunda 7, Flowable and Activiti dialects (the same names), then Camunda 8's
 * `<zeebe:assignmentDefinition>`, then BPMN's own human performers. So a model drawn in any of
 * those tools runs unchanged.
 */
export const actorDialects = ['govflow', 'camunda', 'flowable', 'activiti'] as const;

/** Reads who may act on a user task, from the first dialect that names anyone, else from its performers. */
export function actorAttributes(task: ModdleElement): ActorAttributes {
  const read = (name: string) => firstDialectAttribute(task, name);
  const attributes = {
    assignee: read('assignee'),
    candidateUsers: splitList(read('candidateUsers')),
    candidateGroups: splitList(read('candidateGroups')),
  };
  const named = (actors: ActorAttributes) => Boolean(actors.assignee) || actors.candidateUsers.length > 0 || actors.candidateGroups.length > 0;
  if (named(attributes)) return attributes;
  const zeebe = zeebeAssignment(task);
  return named(zeebe) ? zeebe : performers(task);
}

/**
 * Camunda 8 writes who acts in an extension element, `<zeebe:assignmentDefinition assignee=
 * "= lead" candidateGroups="…"/>`; govflow does not load its descriptor, so it arrives as a
 * generic element whose attributes are plain properties.
 */
function zeebeAssignment(task: ModdleElement): ActorAttributes {
  const definition = genericExtension(task, 'zeebe:assignmentDefinition') ?? {};
  const read = (name: string) => (typeof definition[name] === 'string' && (definition[name] as string).trim() !== '' ? (definition[name] as string).trim() : undefined);
  // a FEEL value (`= ["a", "b"]`) is one expression giving the list, not a comma-separated one
  const list = (name: string) => (read(name)?.startsWith('=') ? [read(name) as string] : splitList(read(name)));
  return { assignee: read('assignee'), candidateUsers: list('candidateUsers'), candidateGroups: list('candidateGroups') };
}

/** A generic extension element of a type (`zeebe:loopCharacteristics` …), as moddle reads one it has no descriptor for. */
export function genericExtension(element: ModdleElement, type: string): Record<string, unknown> | undefined {
  const values = ((element.extensionElements as ModdleElement | undefined)?.values as Array<Record<string, unknown>> | undefined) ?? [];
  return values.find((value) => value.$type === type);
}

/** The value of `name` in the first dialect that sets it (govflow:, camunda:, flowable:, activiti:). */
export function firstDialectAttribute(element: ModdleElement, name: string): string | undefined {
  for (const dialect of actorDialects) {
    const value = stringAttribute(element, `${dialect}:${name}`);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * BPMN's `<humanPerformer>` and `<potentialOwner>`: a resourceAssignmentExpression lists
 * `user(id)` and `group(id)` items (Activiti's convention; a bare item is a user for a human
 * performer, a group for a potential owner), or a resourceRef names a `<resource>` by its name.
 */
function performers(task: ModdleElement): ActorAttributes {
  const actors: ActorAttributes = { assignee: undefined, candidateUsers: [], candidateGroups: [] };
  for (const resource of (task.resources as ModdleElement[] | undefined) ?? []) {
    const bareIsUser = resource.$type === 'bpmn:HumanPerformer';
    for (const item of performerItems(resource)) {
      const tagged = /^(user|group)\((.+)\)$/.exec(item);
      const isUser = tagged ? tagged[1] === 'user' : bareIsUser;
      const id = tagged ? tagged[2].trim() : item;
      if (isUser && bareIsUser && !actors.assignee) actors.assignee = id;
      else (isUser ? actors.candidateUsers : actors.candidateGroups).push(id);
    }
  }
  return actors;
}

function performerItems(resource: ModdleElement): string[] {
  const expression = (resource.resourceAssignmentExpression as ModdleElement | undefined)?.expression as ModdleElement | undefined;
  if (typeof expression?.body === 'string') return splitList(expression.body);
  const referenced = resource.resourceRef as ModdleElement | undefined;
  const name = referenced ? (referenced.name ?? referenced.id) : undefined;
  return name ? [String(name).trim()] : [];
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
