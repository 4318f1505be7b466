import { Engine } from 'bpmn-engine';
import { DefinitionRejectedError } from '../errors';
import type { CompiledDefinition } from './compile';

interface LoadedProcess {
  id: string;
  getActivities(): Array<{ id: string }>;
}

/**
 * Deploy's promise that a model runs: it compiles as a case compiles it, and bpmn-engine builds
 * every element of it from that compiled context, as a case's engine would. Anything that fails
 * is a refusal naming what failed, never a case that fails later.
 */
export async function assertRuns(compile: () => CompiledDefinition): Promise<CompiledDefinition> {
  let compiled: CompiledDefinition;
  try {
    compiled = compile();
  } catch (error) {
    throw refusal(error);
  }
  const engine = new Engine({ name: 'deploy-check', sourceContext: compiled.sourceContext });
  try {
    for (const definition of await engine.getDefinitions()) {
      for (const process of definition.getProcesses() as LoadedProcess[]) process.getActivities();
    }
  } catch (error) {
    throw refusal(error);
  }
  return compiled;
}

function refusal(error: unknown): DefinitionRejectedError {
  const message = error instanceof Error ? error.message : String(error);
  return new DefinitionRejectedError('the model cannot be compiled to run', [{ path: 'body', message: `the process engine could not build the model: ${message}` }]);
}
