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

/** The loop collection of a countersign: its signers, read by the engine's expression hook. */
export const signersToken = 'govflow:signers';
/** The completion condition of a countersign: its pass rule decided, read by the engine's expression hook. */
export const passRuleToken = 'govflow:pass-rule';

/**
 * A countersign's instances are its signers and it completes when its pass rule is decided:
 * govflow's attributes become the loop's collection and completion condition, which the
 * engine's expression hook answers (runtime/case-engine).
 */
function wireCountersigns(parsed: ParseResult, catalogue: StepCatalogue): void {
  for (const [id, spec] of Object.entries(catalogue.userTasks)) {
    const loop = spec.countersign ? (parsed.elementsById[id]?.loopCharacteristics as ModdleElement | undefined) : undefined;
    if (!loop) continue;
    loop.collection = signersToken;
    loop.elementVariable = 'signer';
    loop.completionCondition = { body: passRuleToken };
  }
}

/** Serialises a parsed model once, so every engine of this version skips XML parsing. */
export function compileDefinition(parsed: ParseResult, key: string, version: number): CompiledDefinition {
  const catalogue = buildStepCatalogue(parsed.rootElement);
  wireCountersigns(parsed, catalogue);
  return {
    key,
    version,
    name: catalogue.processName,
    sourceContext: serialize(parsed as never, typeResolver),
    catalogue,
  };
}
