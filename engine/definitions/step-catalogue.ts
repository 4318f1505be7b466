import { extensionElement, formFields, type FormField } from './form-spec';
import { actorAttributes, splitList, stringAttribute, type ActorAttributes } from './task-actors';

/** 会签 all must approve · 或签 the first signature decides · 票签 a share must approve. */
export type CountersignRule = 'all' | 'any' | 'vote';
export const countersignRules: readonly CountersignRule[] = ['all', 'any', 'vote'];

/** A multi-instance user task whose instances are signers (govflow:countersign). */
export interface CountersignSpec {
  rule: CountersignRule;
  /** Users or groups (`role@department`), possibly `${…}` expressions; one instance each. */
  signers: string[];
  /** For a vote: the share of signers that must approve (govflow:passShare, default half). */
  passShare: number;
  /** Signers sign one after another (依次会签) rather than all at once. */
  sequential: boolean;
  /** The decision that approves (the first offered); the last offered one rejects. */
  approve: string;
  reject: string;
}

/** What govflow needs to know about a user task beyond what bpmn-engine runs. */
export interface UserTaskSpec extends ActorAttributes {
  id: string;
  name: string;
  /** Decisions the step offers (govflow:decisions); empty means any or none. */
  decisions: string[];
  /** Completing this step decides the case, so the applicant can no longer withdraw. */
  decisive: boolean;
  /** The step's time limit (govflow:timeLimit, e.g. 3WD), if it has one. */
  timeLimit?: string;
  /** Yellow card when this many working days or less are left (govflow:warnBefore; default 2). */
  warnBefore: number;
  /** The fields the step's form asks for (govflow:form). */
  form: FormField[];
  /** Decisions whose opinion the applicant may read, e.g. a denial's reasons (govflow:publicDecisions). */
  publicDecisions: string[];
  /** The case clocks stand still while this step is open: a special procedure, a hearing (govflow:pausesClock). */
  pausesClock: boolean;
  countersign?: CountersignSpec;
  /** Directly inside the process, not in a sub-process: a step a case can be returned to. */
  topLevel: boolean;
}

/** A fine range for a kind of violation (自由裁量基准), from the process's govflow:discretion table. */
export interface DiscretionRange {
  violation: string;
  label: string;
  fineMin: number;
  fineMax: number;
}

/** The case clock of a process: its limits and the step whose completion starts it (acceptance). */
export interface CaseClockSpec {
  /** The agency's promised limit (承诺时限); runs the case clock when set. */
  promisedLimit?: string;
  /** The statutory limit (法定时限); the promised one may not exceed it. */
  statutoryLimit?: string;
  /** The step whose completion with its first offered decision (accept) starts the clock; absent: the clock starts with the case. */
  clockStart?: string;
  warnBefore: number;
  /** The legal review step (法制审核) a major case must pass before its decision (Penalty Law §58). */
  legalReviewStep?: string;
}

/** Name of the message an applicant's supplement (补正) delivers to a waiting case. */
export const supplementMessage = 'supplement';

/** Names and task specs of one process, read once per definition version. */
export interface StepCatalogue {
  processId: string;
  processName: string;
  /** Every flow element's name by id, for history and progress answers. */
  names: Record<string, string>;
  userTasks: Record<string, UserTaskSpec>;
  /** Message names by the id of the event or receive task that waits for them. */
  messages: Record<string, string>;
  clock: CaseClockSpec;
  discretion: DiscretionRange[];
  /** Who may start a case: roles, or groups as role@department (govflow:initiators; default applicants). */
  initiators: string[];
}

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
    clock: caseClockSpec(process),
    discretion: discretionRanges(process),
    initiators: splitList(stringAttribute(process, 'govflow:initiators') ?? 'applicant'),
  };
  visit(process, catalogue, true);
  return catalogue;
}

function visit(container: ModdleElement, catalogue: StepCatalogue, topLevel: boolean): void {
  for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    const id = String(element.id);
    catalogue.names[id] = element.name ?? id;
    if (element.$type === 'bpmn:UserTask') catalogue.userTasks[id] = userTaskSpec(element, topLevel);
    const message = awaitedMessage(element);
    if (message) catalogue.messages[id] = message;
    if (element.flowElements) visit(element, catalogue, false);
  }
}

function userTaskSpec(element: ModdleElement, topLevel: boolean): UserTaskSpec {
  const decisions = splitList(stringAttribute(element, 'govflow:decisions'));
  const countersign = countersignSpec(element, decisions);
  return {
    id: String(element.id),
    name: element.name ?? String(element.id),
    ...actorAttributes(element),
    decisions,
    decisive: element.get('govflow:decisive') === true,
    timeLimit: stringAttribute(element, 'govflow:timeLimit'),
    warnBefore: warnBefore(element),
    form: formFields(element),
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

/** The message an intermediate catch event, boundary event or receive task waits for (its name, else its id). */
function awaitedMessage(element: ModdleElement): string | undefined {
  const definition = ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).find((candidate) => candidate.$type === 'bpmn:MessageEventDefinition');
  const waitsForMessage = definition && (element.$type === 'bpmn:IntermediateCatchEvent' || element.$type === 'bpmn:BoundaryEvent');
  const message = waitsForMessage ? (definition.messageRef as ModdleElement | undefined) : element.$type === 'bpmn:ReceiveTask' ? (element.messageRef as ModdleElement | undefined) : undefined;
  return message ? String(message.name ?? message.id) : undefined;
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
    legalReviewStep: stringAttribute(process, 'govflow:legalReviewStep'),
    warnBefore: warnBefore(process),
  };
}

/** govflow:warnBefore, default 2 working days (DOMAIN.md's yellow card). */
function warnBefore(element: ModdleElement): number {
  const value = element.get('govflow:warnBefore');
  return typeof value === 'number' && value >= 1 ? value : 2;
}
