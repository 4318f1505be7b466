import { actorAttributes, splitList, stringAttribute, type ActorAttributes } from './task-actors';

/** What govflow needs to know about a user task beyond what bpmn-engine runs. */
export interface UserTaskSpec extends ActorAttributes {
  id: string;
  name: string;
  /** Decisions the step offers (govflow:decisions); empty means any or none. */
  decisions: string[];
  /** Completing this step decides the case, so the applicant can no longer withdraw. */
  decisive: boolean;
}

/** Names and task specs of one process, read once per definition version. */
export interface StepCatalogue {
  processId: string;
  processName: string;
  /** Every flow element's name by id, for history and progress answers. */
  names: Record<string, string>;
  userTasks: Record<string, UserTaskSpec>;
}

/** Builds the catalogue of the executable process of a parsed, linted model. */
export function buildStepCatalogue(definitions: ModdleElement): StepCatalogue {
  const process = ((definitions.rootElements as ModdleElement[]) ?? []).find((element) => element.$type === 'bpmn:Process' && element.isExecutable === true);
  if (!process) throw new Error('buildStepCatalogue needs a linted model with one executable process');
  const catalogue: StepCatalogue = { processId: String(process.id), processName: process.name ?? String(process.id), names: {}, userTasks: {} };
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
  };
}
