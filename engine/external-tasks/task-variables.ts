import type { ExternalTaskSpec } from '../records';
import { mapVariables, withoutInternal } from '../runtime/variable-mappings';

/**
 * What a worker receives: the model's input mapping evaluated over the case's variables, or
 * every variable of the case when the task maps none (Camunda's default).
 */
export function inputVariables(spec: ExternalTaskSpec, variables: Record<string, unknown>): Record<string, unknown> {
  if (spec.inputs === null) return withoutInternal(variables);
  return mapVariables(spec.id, spec.name, spec.inputs, variables);
}

/**
 * The process variables a completion sets: the model's output mapping evaluated over the
 * case's variables with the worker's on top, or the worker's variables as they are.
 */
export function outputVariables(spec: ExternalTaskSpec, returned: Record<string, unknown>, variables: Record<string, unknown>): Record<string, unknown> {
  if (spec.outputs === null) return returned;
  return mapVariables(spec.id, spec.name, spec.outputs, { ...variables, ...returned });
}
