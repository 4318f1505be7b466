import { decodeEngineState } from './engine-state-codec';

interface StoredExecution {
  children?: Array<{ id: string; counters?: { taken?: number }; execution?: StoredExecution }>;
  flows?: Array<{ id: string; counters?: { take?: number } }>;
}

interface StoredState {
  definitions?: Array<{ execution?: { processes?: Array<{ execution?: StoredExecution }> } }>;
}

/**
 * The elements a case has passed — activities completed at least once and sequence flows taken —
 * read from its stored bpmn-engine state, sub-processes included, for the case viewer's path.
 */
export function engineTrail(engineState: Uint8Array): string[] {
  const state = decodeEngineState(engineState) as StoredState;
  const taken = new Set<string>();
  const visit = (execution: StoredExecution | undefined): void => {
    for (const child of execution?.children ?? []) {
      if ((child.counters?.taken ?? 0) > 0) taken.add(child.id);
      visit(child.execution);
    }
    for (const flow of execution?.flows ?? []) if ((flow.counters?.take ?? 0) > 0) taken.add(flow.id);
  };
  for (const definition of state.definitions ?? []) for (const process of definition.execution?.processes ?? []) visit(process.execution);
  return [...taken];
}
