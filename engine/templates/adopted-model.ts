import { createModdle } from '../definitions/moddle';
import { parseBpmn } from '../definitions/parse-bpmn';
import { actorDialects, splitList } from '../definitions/task-actors';

/** How an adopting unit's copy differs from the template it adopts. */
export interface Adaptation {
  /** The adopted process's key and name. */
  key: string;
  name: string;
  /** A shorter promised limit (承诺时限) than the template's, if the unit narrows it. */
  promisedLimit?: string;
  /** The template's candidate groups the unit staffs with its own, e.g. window@market-bureau → window@east-service-window. */
  groups: Record<string, string>;
}

/**
 * The template's model as the adopting unit runs it: the process renamed to its own key and
 * name, its promised limit narrowed and its groups replaced where the unit says, everything
 * else (materials, forms, statutory limits, flows, diagram) exactly the template's. Done on the
 * parsed model with bpmn-moddle, so references (a pool's process, the diagram's plane) follow.
 */
export async function adoptedModel(templateXml: string, adaptation: Adaptation): Promise<string> {
  const { rootElement } = await parseBpmn(templateXml);
  const process = (rootElement.get('rootElements') as ModdleElement[]).find((element) => element.$type === 'bpmn:Process' && element.get('isExecutable') !== false);
  if (!process) throw new Error('the template has no executable process');
  process.set('id', adaptation.key);
  process.set('name', adaptation.name);
  if (adaptation.promisedLimit) process.set('govflow:promisedLimit', adaptation.promisedLimit);
  for (const element of flowElementsOf(process)) if (element.$type === 'bpmn:UserTask') replaceGroups(element, adaptation.groups);
  const { xml } = await createModdle().toXML(rootElement, { format: true });
  return xml;
}

/** The candidate groups a model's user tasks name, in every dialect govflow reads. */
export async function templateGroups(templateXml: string): Promise<Set<string>> {
  const { rootElement } = await parseBpmn(templateXml);
  const groups = new Set<string>();
  for (const process of (rootElement.get('rootElements') as ModdleElement[]).filter((element) => element.$type === 'bpmn:Process')) {
    for (const task of flowElementsOf(process).filter((element) => element.$type === 'bpmn:UserTask')) {
      for (const dialect of actorDialects) splitList(attributeOf(task, `${dialect}:candidateGroups`)).forEach((group) => groups.add(group));
    }
  }
  return groups;
}

function replaceGroups(task: ModdleElement, groups: Record<string, string>): void {
  for (const dialect of actorDialects) {
    const name = `${dialect}:candidateGroups`;
    const value = attributeOf(task, name);
    if (value !== undefined) task.set(name, splitList(value).map((group) => groups[group] ?? group).join(','));
  }
}

function attributeOf(element: ModdleElement, name: string): string | undefined {
  const value = element.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every flow element of a process, those inside its sub-processes too. */
function flowElementsOf(container: ModdleElement): ModdleElement[] {
  const elements = (container.get('flowElements') as ModdleElement[] | undefined) ?? [];
  return elements.flatMap((element) => [element, ...(element.$type === 'bpmn:SubProcess' || element.$type === 'bpmn:Transaction' ? flowElementsOf(element) : [])]);
}
