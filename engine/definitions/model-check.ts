import type { ProblemDetail } from '../errors';
import { DefinitionRejectedError } from '../errors';
import type { StepCatalogue } from '../records';
import { compileDefinition } from './compile';
import { lintDefinitions, type LintOptions } from './lint';
import { assertWithinLimits } from './model-limits';
import { parseBpmn, staleDiagramWarning } from './parse-bpmn';
import { assertRuns } from './run-check';

/**
 * A model compiled in a model-check worker (model-check-worker.ts), in the form that crosses
 * threads: bpmn-engine's source context serialised to JSON (model-check-pool.ts revives it), the
 * catalogue as plain data.
 */
export interface CheckedModel {
  sourceContext: string;
  catalogue: StepCatalogue;
  /** Deploy's warnings: stale diagram shapes and lint rules that only warn. */
  warnings: ProblemDetail[];
}

/**
 * Deploy's checks of an uploaded model, all that costs time: its size against the limits, then
 * parse, lint, a compile of a fresh parse and bpmn-engine building every element of it. Runs in
 * a worker thread; a model that fails any check is refused naming the element.
 */
export async function checkModel(xml: string, lint: LintOptions): Promise<CheckedModel> {
  assertWithinLimits(xml);
  const parsed = await parseBpmn(xml);
  // bpmnlint fills moddle's lazy collections (an empty eventDefinitions makes a start event
  // wait forever), so the linted tree is never compiled: a fresh parse is, as from stored XML.
  const linted = await lintDefinitions(parsed.rootElement, lint);
  if (linted.errors.length > 0) throw new DefinitionRejectedError('the model breaks lint rules', linted.errors);
  const compiled = await assertRuns(compileDefinition.bind(null, await parseBpmn(xml), 'deploy', 0));
  return { sourceContext: compiled.sourceContext.serialize(), catalogue: compiled.catalogue, warnings: [...parsed.warnings.map(staleDiagramWarning), ...linted.warnings] };
}

/** Compiles a stored version, which passed {@link checkModel} when it was deployed; for the registry's cache. */
export async function compileStored(xml: string): Promise<Omit<CheckedModel, 'warnings'>> {
  const compiled = compileDefinition(await parseBpmn(xml), 'stored', 0);
  return { sourceContext: compiled.sourceContext.serialize(), catalogue: compiled.catalogue };
}
