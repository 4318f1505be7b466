import * as Elements from 'bpmn-elements';
import serialize, { deserialize, TypeResolver, type SerializableContext } from 'moddle-context-serializer';
import type { ParseResult } from 'bpmn-moddle';
import { buildStepCatalogue, type StepCatalogue } from './step-catalogue';
import { wireConditions } from './wiring/conditions';
import { CronTimerEventDefinition } from './wiring/cron-timers';
import { wireCountersigns, wireVendorLoops } from './wiring/loops';

export { passRuleToken, signersToken } from './wiring/loops';

/** A deployed version ready to run: bpmn-engine's pre-parsed source context plus govflow's catalogue. */
export interface CompiledDefinition {
  key: string;
  version: number;
  name: string;
  sourceContext: SerializableContext;
  catalogue: StepCatalogue;
}

const bpmnElements = Elements as unknown as Record<string, unknown>;

/**
 * The element types every engine runs with: bpmn-elements' own, with timers that also read cron
 * cycles, and service, send and business-rule tasks waiting like a user task (a signal task)
 * for the external task's worker, instead of calling a service inside the engine; call
 * activities likewise wait for the child case.
 */
export const elementTypes = {
  ...bpmnElements,
  TimerEventDefinition: CronTimerEventDefinition,
  ServiceTask: bpmnElements.SignalTask,
  SendTask: bpmnElements.SignalTask,
  BusinessRuleTask: bpmnElements.SignalTask,
  // a call activity waits for the child case govflow starts for it (runtime/commands/calls)
  CallActivity: bpmnElements.SignalTask,
};
const typeResolver = TypeResolver(elementTypes);

/** Names the definitions when the model does not (valid BPMN): bpmn-engine recovers a stored case by that id. */
const unnamedDefinitions = 'Definitions';

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

/** The root elements bpmn-elements runs or refers to; it would take any other (an itemDefinition, a resource …) for an activity. */
const runRoots = new Set(['bpmn:Process', 'bpmn:Collaboration', 'bpmn:Message', 'bpmn:Signal', 'bpmn:Error', 'bpmn:Escalation', 'bpmn:DataStore', 'bpmn:Category']);

/**
 * govflow reads who acts from a task's performers and the `<resource>`s they name into the
 * catalogue; bpmn-elements has no use for them, and its serializer cannot take a performer
 * without an assignment expression. Root elements that describe rather than run (item
 * definitions, interfaces, partners …, which many tools export) are left out the same way, as
 * are message flows (a black-box pool's would not even serialise).
 */
function dropDescriptions(parsed: ParseResult): void {
  for (const element of Object.values(parsed.elementsById)) {
    if (element.resources) delete element.resources;
  }
  const roots = parsed.rootElement.rootElements as ModdleElement[] | undefined;
  if (roots) parsed.rootElement.rootElements = roots.filter((root) => runRoots.has(root.$type));
  // message flows run between executable processes, and govflow runs one: messages arrive through the API
  for (const collaboration of (parsed.rootElement.rootElements as ModdleElement[] | undefined) ?? []) {
    if (collaboration.$type === 'bpmn:Collaboration') delete collaboration.messageFlows;
  }
}

/**
 * Serialises a freshly parsed model once, so every engine of this version skips XML parsing;
 * deploy compiles the same way before it stores a version, so what deploys compiles. The parse
 * is changed in place: pass one used for nothing else.
 */
export function compileDefinition(parsed: ParseResult, key: string, version: number): CompiledDefinition {
  const catalogue = buildStepCatalogue(parsed.rootElement);
  parsed.rootElement.id ??= unnamedDefinitions;
  wireCountersigns(parsed, catalogue);
  wireVendorLoops(parsed);
  wireConditions(parsed);
  dropDescriptions(parsed);
  const sourceContext = serialize(parsed as never, typeResolver);
  joinInclusiveGateways(sourceContext);
  return { key, version, name: catalogue.processName, sourceContext, catalogue };
}

/**
 * A version compiled in a model-check worker (model-check-pool.ts), revived on this thread from
 * its serialised context: JSON, bound again to the element types engines run with.
 */
export function reviveDefinition(sourceContext: string, catalogue: StepCatalogue, key: string, version: number): CompiledDefinition {
  return { key, version, name: catalogue.processName, sourceContext: deserialize(JSON.parse(sourceContext), typeResolver), catalogue };
}
