import { actorAttributes, splitList, stringAttribute, type ActorAttributes } from './task-actors';

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
}

/** The case clock of a process: its limits and the step whose completion starts it (acceptance). */
export interface CaseClockSpec {
  /** The agency's promised limit (承诺时限); runs the case clock when set. */
  promisedLimit?: string;
  /** The statutory limit (法定时限); the promised one may not exceed it. */
  statutoryLimit?: string;
  /** The step whose completion starts the clock; absent: the clock starts with the case. */
  clockStart?: string;
  warnBefore: number;
  /** The legal review step (法制审核) a major case must pass before its decision (Penalty Law §58). */
  legalReviewStep?: string;
}

/** Names and task specs of one process, read once per definition version. */
export interface StepCatalogue {
  processId: string;
  processName: string;
  /** Every flow element's name by id, for history and progress answers. */
  names: Record<string, string>;
  userTasks: Record<string, UserTaskSpec>;
  clock: CaseClockSpec;
}

/** Builds the catalogue of the executable process of a parsed, linted model. */
export function buildStepCatalogue(definitions: ModdleElement): StepCatalogue {
  const process = ((definitions.rootElements as ModdleElement[]) ?? []).find((element) => element.$type === 'bpmn:Process' && element.isExecutable === true);
  if (!process) throw new Error('buildStepCatalogue needs a linted model with one executable process');
  const catalogue: StepCatalogue = { processId: String(process.id), processName: process.name ?? String(process.id), names: {}, userTasks: {}, clock: caseClockSpec(process) };
  visit(process, catalogue);
  return catalogue;
}

function visit(container: ModdleElement, catalogue: StepCatalogue): void {
  for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    const id = String(element.id);
    catalogue.names[id] = element.name ?? id;
    if (element.$type === 'bpmn:UserTask') catalogue.userTasks[id] = userTaskSpec(element);
    if (element.flowElements) visit(element, catalogue);
  }
}

function userTaskSpec(element: ModdleElement): UserTaskSpec {
  return {
    id: String(element.id),
    name: element.name ?? String(element.id),
    ...actorAttributes(element),
    decisions: splitList(stringAttribute(element, 'govflow:decisions')),
    decisive: element.get('govflow:decisive') === true,
    timeLimit: stringAttribute(element, 'govflow:timeLimit'),
    warnBefore: warnBefore(element),
  };
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
