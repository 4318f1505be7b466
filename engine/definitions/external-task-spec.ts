import type { ExternalTaskSpec, VariableMapping } from '../records';
import { firstDialectAttribute, genericExtension } from './task-actors';

/** The task kinds another system does: govflow never runs code for them, it waits for a worker (DESIGN.md). */
export const externalTaskTypes: readonly string[] = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/**
 * The topic workers fetch a task by: `govflow:topic`, else the vendor's (`camunda:topic` with
 * `camunda:type="external"`, Flowable's and Activiti's `topic`), else a Camunda 8 job type
 * (`<zeebe:taskDefinition type="…">`). Undefined when the model names none (lint refuses it).
 */
export function externalTaskTopic(element: ModdleElement): string | undefined {
  const topic = firstDialectAttribute(element, 'topic');
  if (topic) return topic;
  const type = genericExtension(element, 'zeebe:taskDefinition')?.type;
  return typeof type === 'string' && type.trim() !== '' ? type.trim() : undefined;
}

/** What the catalogue keeps of a service, send or business-rule task of a linted model. */
export function externalTaskSpec(element: ModdleElement): ExternalTaskSpec {
  const id = String(element.id);
  return {
    id,
    name: element.name ?? id,
    topic: externalTaskTopic(element) ?? id,
    inputs: mappings(element, 'input'),
    outputs: mappings(element, 'output'),
    catches: caughtErrorCodes(element),
  };
}

/**
 * The task's input or output mapping: `<camunda:inputOutput>` (also Flowable's and Activiti's
 * spelling) with its `inputParameter`s / `outputParameter`s, or Camunda 8's `<zeebe:ioMapping>`
 * with `input`s / `output`s (`source` an expression, `target` the name). Null when the model
 * maps nothing that way, which passes every variable.
 */
function mappings(element: ModdleElement, direction: 'input' | 'output'): VariableMapping[] | null {
  for (const dialect of ['camunda', 'flowable', 'activiti']) {
    const parameters = genericExtension(element, `${dialect}:inputOutput`)?.$children as Array<Record<string, unknown>> | undefined;
    const wanted = parameters?.filter((parameter) => parameter.$type === `${dialect}:${direction}Parameter`) ?? [];
    if (wanted.length > 0) return wanted.map((parameter) => ({ name: String(parameter.name ?? ''), expression: String(parameter.$body ?? '') }));
  }
  const io = genericExtension(element, 'zeebe:ioMapping')?.$children as Array<Record<string, unknown>> | undefined;
  const zeebe = io?.filter((mapping) => mapping.$type === `zeebe:${direction}`) ?? [];
  return zeebe.length > 0 ? zeebe.map((mapping) => ({ name: String(mapping.target ?? ''), expression: String(mapping.source ?? '') })) : null;
}

/**
 * The error codes a BPMN error thrown at this task is caught by: error boundary events on the
 * task or on a sub-process around it. One without an error reference catches any (`*`), as
 * bpmn-elements does; one referencing an error without a code catches none of a worker's.
 */
function caughtErrorCodes(task: ModdleElement): string[] {
  const codes: string[] = [];
  for (let scope: ModdleElement | undefined = task; scope && scope.$type !== 'bpmn:Process'; scope = scope.$parent) {
    const siblings = (scope.$parent?.flowElements as ModdleElement[] | undefined) ?? [];
    for (const boundary of siblings.filter((element) => element.$type === 'bpmn:BoundaryEvent' && element.attachedToRef === scope)) {
      const definition = ((boundary.eventDefinitions as ModdleElement[] | undefined) ?? []).find((candidate) => candidate.$type === 'bpmn:ErrorEventDefinition');
      if (!definition) continue;
      const error = definition.errorRef as ModdleElement | undefined;
      if (!error) codes.push('*');
      else if (typeof error.errorCode === 'string' && error.errorCode !== '') codes.push(error.errorCode);
    }
  }
  return codes;
}

/** Whether a BPMN error with `code` thrown at the task is caught in the model, rather than ending as an incident. */
export function catchesError(spec: ExternalTaskSpec, code: string): boolean {
  return spec.catches.includes('*') || spec.catches.includes(code);
}
