import { ProcessRunError } from '../errors';
import { evaluateExpression, readExpression } from '../expressions';
import type { VariableMapping } from '../records';

/** Variables govflow keeps for itself (`_countersigns` …), never handed to another system or case. */
const internal = /^_/;

/** The case's variables without govflow's own. */
export function withoutInternal(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => !internal.test(name)));
}

/** A mapping (an external task's, a call activity's) evaluated; one that cannot be is the step's failure (an incident), not the caller's. */
export function mapVariables(stepId: string, stepName: string, mappings: VariableMapping[], scope: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { name, expression } of mappings) {
    try {
      values[name] = evaluateExpression(readExpression(expression), scope) ?? null;
    } catch (error) {
      throw new ProcessRunError(stepId, `the variable "${name}" of "${stepName}" cannot be computed from ${expression}: ${(error as Error).message}`, error);
    }
  }
  return values;
}
