import { ProcessRunError } from '../errors';
import { evaluateExpression, readExpression } from '../expressions';
import type { ExternalTaskSpec, VariableMapping } from '../records';

/** Variables govflow keeps for itself (`_countersigns` …), never handed to another system. */
const internal = /^_/;

/**
 * What a worker receives: the model's input mapping evaluated over the case's variables, or
 * every variable of the case when the task maps none (Camunda's default).
 */
export function inputVariables(spec: ExternalTaskSpec, variables: Record<string, unknown>): Record<string, unknown> {
  if (spec.inputs === null) return Object.fromEntries(Object.entries(variables).filter(([name]) => !internal.test(name)));
  return mapped(spec, spec.inputs, variables);
}

/**
 * The process variables a completion sets: the model's output mapping evaluated over the
 * case's variables with the worker's on top, or the worker's variables as they are.
 */
export function outputVariables(spec: ExternalTaskSpec, returned: Record<string, unknown>, variables: Record<string, unknown>): Record<string, unknown> {
  if (spec.outputs === null) return returned;
  return mapped(spec, spec.outputs, { ...variables, ...returned });
}

/** A mapping evaluated; one that cannot be is the task's failure (an incident), not the caller's. */
function mapped(spec: ExternalTaskSpec, mappings: VariableMapping[], scope: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { name, expression } of mappings) {
    try {
      values[name] = evaluateExpression(readExpression(expression), scope) ?? null;
    } catch (error) {
      throw new ProcessRunError(spec.id, `the variable "${name}" of "${spec.name}" cannot be computed from ${expression}: ${(error as Error).message}`, error);
    }
  }
  return values;
}
