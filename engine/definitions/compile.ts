import * as Elements from 'bpmn-elements';
import serialize, { TypeResolver, type SerializableContext } from 'moddle-context-serializer';
import type { ParseResult } from 'bpmn-moddle';
import { buildStepCatalogue, type StepCatalogue } from './step-catalogue';

/** A deployed version ready to run: bpmn-engine's pre-parsed source context plus govflow's catalogue. */
export interface CompiledDefinition {
  key: string;
  version: number;
  name: string;
  sourceContext: SerializableContext;
  catalogue: StepCatalogue;
}

const typeResolver = TypeResolver(Elements as unknown as Record<string, unknown>);

/** Serialises a parsed model once, so every engine of this version skips XML parsing. */
export function compileDefinition(parsed: ParseResult, key: string, version: number): CompiledDefinition {
  const catalogue = buildStepCatalogue(parsed.rootElement);
  return {
    key,
    version,
    name: catalogue.processName,
    sourceContext: serialize(parsed as never, typeResolver),
    catalogue,
  };
}
