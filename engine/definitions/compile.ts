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

interface SerializedElements {
  activities: Array<{ id: string; type: string; isParallelGateway?: boolean }>;
  sequenceFlows: Array<{ targetId: string }>;
}

/**
 * bpmn-elements joins only at parallel gateways; a converging inclusive gateway would pass each
 * arriving branch on by itself. Its parallel join already waits for every incoming flow to be
 * taken or discarded — the branches not taken arrive discarded — which is the inclusive join's
 * meaning, so converging inclusive gateways join that way.
 */
function joinInclusiveGateways(context: SerializableContext): void {
  const { activities, sequenceFlows } = (context as unknown as { elements: SerializedElements }).elements;
  for (const activity of activities) {
    const inbound = sequenceFlows.filter((flow) => flow.targetId === activity.id).length;
    if (activity.type === 'bpmn:InclusiveGateway' && inbound > 1) activity.isParallelGateway = true;
  }
}

/** Serialises a parsed model once, so every engine of this version skips XML parsing. */
export function compileDefinition(parsed: ParseResult, key: string, version: number): CompiledDefinition {
  const catalogue = buildStepCatalogue(parsed.rootElement);
  wireCountersigns(parsed, catalogue);
  const sourceContext = serialize(parsed as never, typeResolver);
  joinInclusiveGateways(sourceContext);
  return { key, version, name: catalogue.processName, sourceContext, catalogue };
}
