import { callActivitySpec } from './call-activity-spec';
import { externalTaskSpec, externalTaskTypes } from './external-task-spec';
import { extensionElement, formFields, type FormField } from './form-spec';
import { gatewayInputs } from './gateway-inputs';
import { serviceGuideSpec, startFormSpec } from './service-guide-spec';
import { definitionsOf } from './moddle';
import { vendorFormFields } from './vendor-forms';
import { actorAttributes, firstDialectAttribute, splitList, stringAttribute } from './task-actors';
import { signerVariable, vendorLoopVariable } from './wiring/loops';
import type { CaseClockSpec, CountersignRule, CountersignSpec, DiscretionRange, ServiceGuideSpec, StepCatalogue, UserTaskSpec } from '../records';
export type { CaseClockSpec, CountersignRule, CountersignSpec, DiscretionRange, StepCatalogue, UserTaskSpec } from '../records';

export const countersignRules: readonly CountersignRule[] = ['all', 'any', 'vote'];

/** Name of the message an applicant's supplement (补正) delivers to a waiting case. */
export const supplementMessage = 'supplement';

/** Builds the catalogue of the executable process of a parsed, linted model. */
export function buildStepCatalogue(definitions: ModdleElement): StepCatalogue {
  const process = ((definitions.rootElements as ModdleElement[]) ?? []).find((element) => element.$type === 'bpmn:Process' && element.isExecutable === true);
  if (!process) throw new Error('buildStepCatalogue needs a linted model with one executable process');
  const catalogue: StepCatalogue = {
    processId: String(process.id),
    processName: process.name ?? String(process.id),
    names: {},
    userTasks: {},
    messages: {},
    externalTasks: {},
    messageSubProcesses: {},
    thrownMessages: {},
    callActivities: {},
    clock: caseClockSpec(process),
    discretion: discretionRanges(process),
    initiators: [],
  };
  visit(process, catalogue, true);
  catalogue.endEvents = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter((element) => element.$type === 'bpmn:EndEvent').map((element) => String(element.id));
  const startForm = startFormSpec(process);
  if (startForm.length > 0) catalogue.startForm = startForm;
  const service = serviceGuideSpec(process);
  if (service) {
    catalogue.service = service;
    offerMaterials(catalogue, service);
  }
  const startMessage = messageStart(process);
  if (startMessage) catalogue.startMessage = startMessage;
  const startTimer = timerStart(process);
  if (startTimer) catalogue.startTimer = startTimer;
  // a case a message starts is started by a system or staff, one a schedule starts by govflow itself, one an application by its applicant
  catalogue.initiators = splitList(stringAttribute(process, 'govflow:initiators') ?? (startMessage ? 'system,clerk,leader' : startTimer ? 'system' : 'applicant'));
  const initiatorVariable = startInitiator(process);
  return initiatorVariable ? { ...catalogue, initiatorVariable } : catalogue;
}

/** A materials field of a step offers the materials of the service guide, by key. */
function offerMaterials(catalogue: StepCatalogue, service: ServiceGuideSpec): void {
  const keys = service.materials.map((material) => material.key);
  const names = Object.fromEntries(service.materials.map((material) => [material.key, material.name]));
  for (const task of Object.values(catalogue.userTasks)) {
    for (const field of task.form.filter((each) => each.type === 'materials')) Object.assign(field, { options: keys, optionLabels: names });
  }
}

/** The variable a vendor start event keeps its initiator in (`camunda:initiator="starter"`). */
function startInitiator(process: ModdleElement): string | undefined {
  const starts = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter((element) => element.$type === 'bpmn:StartEvent');
  return starts.map((start) => firstDialectAttribute(start, 'initiator')).find(Boolean);
}

function visit(container: ModdleElement, catalogue: StepCatalogue, topLevel: boolean): void {
  for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    const id = String(element.id);
    catalogue.names[id] = element.name ?? id;
    if (element.$type === 'bpmn:UserTask') catalogue.userTasks[id] = userTaskSpec(element, topLevel);
    if (externalTaskTypes.includes(element.$type)) catalogue.externalTasks[id] = externalTaskSpec(element);
    if (element.$type === 'bpmn:CallActivity') catalogue.callActivities[id] = callActivitySpec(element);
    const loop = loopVariable(element);
    if (loop) catalogue.loops = { ...catalogue.loops, [id]: loop };
    const message = awaitedMessage(element);
    if (message) catalogue.messages[id] = message;
    const thrown = thrownMessage(element);
    if (thrown) catalogue.thrownMessages[id] = thrown;
    const started = element.triggeredByEvent === true ? messageSubProcess(element) : undefined;
    if (started) catalogue.messageSubProcesses[started.message] = started.spec;
    if (element.flowElements) visit(element, catalogue, false);
  }
}

/**
 * A task's decisions and form: govflow's own; else a vendor form (Camunda formData, Flowable
 * formProperty); and for a task that says nothing of either — a model from another tool —
 * what the conditions after it test.
 */
function taskInputs(element: ModdleElement): { decisions: string[]; form: FormField[] } {
  const decisions = splitList(stringAttribute(element, 'govflow:decisions'));
  const drawn = formFields(element);
  const form = drawn.length > 0 ? drawn : vendorFormFields(element);
  const definitions = definitionsOf(element);
  if (decisions.length > 0 || form.length > 0 || !definitions) return { decisions, form };
  const tested = gatewayInputs(element, definitions);
  return { decisions: tested.decisions, form: tested.fields };
}

function userTaskSpec(element: ModdleElement, topLevel: boolean): UserTaskSpec {
  const { decisions, form } = taskInputs(element);
  const countersign = countersignSpec(element, decisions);
  return {
    id: String(element.id),
    name: element.name ?? String(element.id),
    ...actorAttributes(element),
    decisions,
    decisive: element.get('govflow:decisive') === true,
    timeLimit: stringAttribute(element, 'govflow:timeLimit'),
    warnBefore: warnBefore(element),
    form,
    publicDecisions: splitList(stringAttribute(element, 'govflow:publicDecisions')),
    pausesClock: element.get('govflow:pausesClock') === true,
    ...(countersign ? { countersign } : {}),
    topLevel,
  };
}

function countersignSpec(element: ModdleElement, decisions: string[]): CountersignSpec | undefined {
  const rule = stringAttribute(element, 'govflow:countersign');
  if (!rule || !(countersignRules as readonly string[]).includes(rule)) return undefined;
  const share = element.get('govflow:passShare');
  return {
    rule: rule as CountersignRule,
    signers: splitList(stringAttribute(element, 'govflow:signers')),
    passShare: typeof share === 'number' && share > 0 && share <= 1 ? share : 0.5,
    sequential: (element.loopCharacteristics as ModdleElement | undefined)?.isSequential === true,
    approve: decisions[0] ?? 'agree',
    reject: decisions.at(-1) ?? 'disagree',
  };
}

/** The name under which a multi-instance's instances see their item (a countersign's `signer`; bpmn-elements' default is `item`). */
function loopVariable(element: ModdleElement): string | undefined {
  const loop = element.loopCharacteristics as ModdleElement | undefined;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  if (element.$type === 'bpmn:UserTask' && countersignRules.includes(stringAttribute(element, 'govflow:countersign') as CountersignRule)) return signerVariable;
  return (loop.elementVariable as string | undefined) ?? vendorLoopVariable(loop) ?? 'item';
}

/** The message an intermediate catch event, boundary event or receive task waits for (its name, else its id). */
function awaitedMessage(element: ModdleElement): string | undefined {
  const definition = ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).find((candidate) => candidate.$type === 'bpmn:MessageEventDefinition');
  const waitsForMessage = definition && (element.$type === 'bpmn:IntermediateCatchEvent' || element.$type === 'bpmn:BoundaryEvent');
  const message = waitsForMessage ? (definition.messageRef as ModdleElement | undefined) : element.$type === 'bpmn:ReceiveTask' ? (element.messageRef as ModdleElement | undefined) : undefined;
  return message ? String(message.name ?? message.id) : undefined;
}

function messageOf(element: ModdleElement): ModdleElement | undefined {
  const definition = ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).find((candidate) => candidate.$type === 'bpmn:MessageEventDefinition');
  return definition?.messageRef as ModdleElement | undefined;
}

const messageName = (message: ModdleElement) => String(message.name ?? message.id);

/** The process's message start event, if it starts on a message. */
function messageStart(process: ModdleElement): { eventId: string; message: string } | undefined {
  const start = ((process.flowElements as ModdleElement[] | undefined) ?? []).find((element) => element.$type === 'bpmn:StartEvent' && messageOf(element));
  const message = start && messageOf(start);
  return start && message ? { eventId: String(start.id), message: messageName(message) } : undefined;
}

/** The process's timer start event, if a schedule starts its cases: its cycle, else its date. */
function timerStart(process: ModdleElement): { eventId: string; kind: 'timeCycle' | 'timeDate'; value: string } | undefined {
  for (const element of (process.flowElements as ModdleElement[] | undefined) ?? []) {
    if (element.$type !== 'bpmn:StartEvent') continue;
    const timer = ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
    for (const kind of ['timeCycle', 'timeDate'] as const) {
      const body = (timer?.[kind] as ModdleElement | undefined)?.body;
      if (typeof body === 'string' && body.trim() !== '') return { eventId: String(element.id), kind, value: body.trim() };
    }
  }
  return undefined;
}

/** An event sub-process started by a message: its start event, the message, and whether it interrupts. */
function messageSubProcess(subProcess: ModdleElement): { message: string; spec: { subProcessId: string; startEventId: string; interrupting: boolean } } | undefined {
  const start = ((subProcess.flowElements as ModdleElement[] | undefined) ?? []).find((element) => element.$type === 'bpmn:StartEvent' && messageOf(element));
  const message = start && messageOf(start);
  if (!start || !message) return undefined;
  return { message: messageName(message), spec: { subProcessId: String(subProcess.id), startEventId: String(start.id), interrupting: start.isInterrupting !== false } };
}

/** What a message throw event (intermediate or end) sends to other cases. */
function thrownMessage(element: ModdleElement): { message: string; correlationKeys: string[]; variables: string[] } | undefined {
  if (element.$type !== 'bpmn:IntermediateThrowEvent' && element.$type !== 'bpmn:EndEvent') return undefined;
  const message = messageOf(element);
  if (!message) return undefined;
  const listed = (name: string) => splitList(stringAttribute(element, name) ?? stringAttribute(message, name));
  return { message: messageName(message), correlationKeys: listed('govflow:correlationKeys'), variables: listed('govflow:messageVariables') };
}

function discretionRanges(process: ModdleElement): DiscretionRange[] {
  const table = extensionElement(process, 'govflow:Discretion');
  return ((table?.ranges as ModdleElement[] | undefined) ?? []).map((range) => ({
    violation: String(range.violation ?? ''),
    label: String(range.label ?? range.violation ?? ''),
    fineMin: Number(range.fineMin),
    fineMax: Number(range.fineMax),
  }));
}

function caseClockSpec(process: ModdleElement): CaseClockSpec {
  return {
    promisedLimit: stringAttribute(process, 'govflow:promisedLimit'),
    statutoryLimit: stringAttribute(process, 'govflow:statutoryLimit'),
    clockStart: stringAttribute(process, 'govflow:clockStart'),
    ...(process.get('govflow:deemedAcceptance') === true ? { deemedAcceptance: true } : {}),
    legalReviewStep: stringAttribute(process, 'govflow:legalReviewStep'),
    warnBefore: warnBefore(process),
  };
}

/** govflow:warnBefore, default 2 working days (DOMAIN.md's yellow card). */
function warnBefore(element: ModdleElement): number {
  const value = element.get('govflow:warnBefore');
  return typeof value === 'number' && value >= 1 ? value : 2;
}
