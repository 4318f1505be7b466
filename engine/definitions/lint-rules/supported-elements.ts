import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';

/**
 * What govflow runs, element by element (README's support matrix): anything else is refused at
 * deploy with what to draw instead, so no case ever starts on an element that would stall it or
 * fail. Script tasks are the no-script rule's concern.
 */

/** Element kinds govflow does not run, with the change that makes the model run. */
const unsupported: Record<string, string> = {
  'bpmn:ManualTask': 'a manual task would wait for a signal nobody sends: draw it as a user task and name who does it',
  'bpmn:Transaction': 'transactions (and their compensation) are not run: use an embedded sub-process',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not run: draw the steps with flows in an embedded sub-process',
  'bpmn:ComplexGateway': 'complex gateways are not run: use an exclusive, parallel or inclusive gateway',
};

/** The event definitions each kind of event may carry; none (a blank event) is listed as ''. */
const allowedTriggers: Record<string, string[]> = {
  'bpmn:StartEvent': ['', 'bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition'],
  'bpmn:EndEvent': ['', 'bpmn:TerminateEventDefinition', 'bpmn:ErrorEventDefinition', 'bpmn:MessageEventDefinition'],
  'bpmn:IntermediateCatchEvent': ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition', 'bpmn:LinkEventDefinition'],
  'bpmn:IntermediateThrowEvent': ['', 'bpmn:LinkEventDefinition', 'bpmn:MessageEventDefinition'],
  'bpmn:BoundaryEvent': ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition', 'bpmn:ErrorEventDefinition'],
};

const triggerNames: Record<string, string> = {
  '': 'blank',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:CancelEventDefinition': 'cancel',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
};

const supportedElements: RuleFactory = () => ({
  check(node, reporter) {
    const id = String(node.id);
    const refusal = unsupported[node.$type] ?? (is(node, 'bpmn:SubProcess') && node.triggeredByEvent === true && !startsOnMessage(node) ? eventSubProcessRefusal : undefined);
    if (refusal) return reporter.report(id, `${node.$type.slice(5)} "${node.name ?? id}": ${refusal}`);
    const allowed = allowedTriggers[node.$type];
    if (allowed) checkTrigger(node, allowed, reporter);
    if (is(node, 'bpmn:Process')) checkStarts(node, reporter);
    if (waitsForUnnamedMessage(node)) reporter.report(id, `"${node.name ?? id}" waits for a message but names none, so nothing could deliver it: set its messageRef to a <message> with a name`);
    if (node.isForCompensation === true) reporter.report(id, 'compensation is not run: remove isForCompensation and draw the undoing steps as flows');
    if (is(node, 'bpmn:StandardLoopCharacteristics')) reporter.report(String(node.$parent?.id ?? id), 'standard loops are not run: use a multi-instance marker, or a gateway that leads back');
  },
});

const eventSubProcessRefusal = 'event sub-processes are run when a message starts them: give its start event a message, or attach a boundary event (timer, message or error) to the steps it should interrupt';

const timerDefinition = (event: ModdleElement) => ((event.eventDefinitions as ModdleElement[] | undefined) ?? []).find((definition) => is(definition, 'bpmn:TimerEventDefinition'));

const messageDefinition = (event: ModdleElement) => ((event.eventDefinitions as ModdleElement[] | undefined) ?? []).find((definition) => is(definition, 'bpmn:MessageEventDefinition'));

function startsOnMessage(subProcess: ModdleElement): boolean {
  const starts = ((subProcess.flowElements as ModdleElement[] | undefined) ?? []).filter((element) => is(element, 'bpmn:StartEvent'));
  return starts.length === 1 && messageDefinition(starts[0]) !== undefined;
}

/**
 * A case starts one way: by an application (one blank start event) or by a message (one message
 * start event). bpmn-engine runs every start event of a process at once, so a second start
 * would wait for ever beside the one that started the case.
 */
function checkStarts(process: ModdleElement, reporter: { report(id: string, message: string): void }): void {
  const starts = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter((element) => is(element, 'bpmn:StartEvent'));
  const byMessage = starts.filter((start) => messageDefinition(start) !== undefined);
  const byTimer = starts.filter((start) => timerDefinition(start) !== undefined);
  const way = byMessage.length > 0 ? 'on a message' : byTimer.length > 0 ? 'on a timer' : undefined;
  if (way && starts.length > 1) {
    for (const start of starts.slice(1)) reporter.report(String(start.id), `"${start.name ?? start.id}" is a second start event of a process that starts ${way}: a case starts one way, so keep one start event (split the process if it starts both ways)`);
  }
  for (const start of byTimer) {
    const timer = timerDefinition(start) as ModdleElement;
    const value = ['timeCycle', 'timeDate'].map((kind) => (timer[kind] as ModdleElement | undefined)?.body).find((body) => typeof body === 'string' && body.trim() !== '') as string | undefined;
    if (!value) reporter.report(String(start.id), `"${start.name ?? start.id}" starts cases on a timer without a schedule: give it a timeCycle (e.g. 0 0 9 ? * MON or R/P1D) or a timeDate`);
    else if (/\$\{|#\{|^\s*=/.test(value)) reporter.report(String(start.id), `"${start.name ?? start.id}" starts cases on the schedule "${value.trim()}", an expression no case exists yet to evaluate: write the cycle or date itself`);
  }
  for (const start of byMessage) {
    const message = messageDefinition(start)?.messageRef;
    if (!message) reporter.report(String(start.id), `"${start.name ?? start.id}" starts on a message but names none: set its messageRef to a <message> with a name`);
  }
}

function waitsForUnnamedMessage(node: ModdleElement): boolean {
  if (is(node, 'bpmn:ReceiveTask')) return !node.messageRef;
  const catches = is(node, 'bpmn:IntermediateCatchEvent') || is(node, 'bpmn:BoundaryEvent');
  const message = ((node.eventDefinitions as ModdleElement[] | undefined) ?? []).find((definition) => is(definition, 'bpmn:MessageEventDefinition'));
  return catches && message !== undefined && !message.messageRef;
}

function checkTrigger(event: ModdleElement, allowed: string[], reporter: { report(id: string, message: string): void }): void {
  const definitions = (event.eventDefinitions as ModdleElement[] | undefined) ?? [];
  const trigger = definitions[0]?.$type ?? '';
  if (allowed.includes(trigger)) return;
  const kind = event.$type.slice(5);
  const fix = event.$type === 'bpmn:StartEvent' ? 'a case starts when an applicant applies (a blank start event), when a message arrives (a message start event) or on a schedule (a timer start event)' : `govflow runs ${allowed.map((name) => triggerNames[name]).join(', ')} ${kind}s`;
  reporter.report(String(event.id), `${triggerNames[trigger] ?? trigger} ${kind} "${event.name ?? event.id}" is not run: ${fix}`);
}

export default supportedElements;
