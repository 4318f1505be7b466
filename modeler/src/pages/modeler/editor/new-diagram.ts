import type { Directory } from '../properties/services';

/** What a new process starts from: an empty model, or one of the two chains most agencies run. */
export const templateNames = ['blank', 'licensing', 'penalty'] as const;
export type TemplateName = (typeof templateNames)[number];

interface StepSpec {
  id: string;
  name: string;
  /** The post (岗位) that does it; the group is the post at the department the designer works for. */
  post: string;
  decisions: string[];
  timeLimit?: string;
  decisive?: boolean;
  /** A decision that ends the case at this step, the end event it leads to (不予受理, 不予立案), and what the way on is called. */
  ends?: { decision: string; end: string; otherwise: string };
}

interface TemplateSpec {
  attributes: Record<string, string>;
  steps: StepSpec[];
  end: string;
}

/** The chains DOMAIN.md describes, with their statutory limits; the designer adjusts them to the service. */
const templates: Record<Exclude<TemplateName, 'blank'>, TemplateSpec> = {
  licensing: {
    attributes: { statutoryLimit: '20WD', promisedLimit: '15WD', clockStart: 'accept' },
    end: '办结',
    steps: [
      { id: 'accept', name: '受理', post: 'window', decisions: ['accept', 'refuse'], timeLimit: '5WD', ends: { decision: 'refuse', end: '不予受理', otherwise: '受理' } },
      { id: 'review', name: '审查', post: 'licensing-section', decisions: ['pass', 'reject'], timeLimit: '10WD' },
      { id: 'decide', name: '决定', post: 'leader', decisions: ['grant', 'deny'], timeLimit: '3WD', decisive: true },
      { id: 'deliver', name: '送达', post: 'window', decisions: ['served'], timeLimit: '10WD' },
    ],
  },
  penalty: {
    attributes: { statutoryLimit: '90D', legalReviewStep: 'legalReview' },
    end: '结案',
    steps: [
      { id: 'fileCase', name: '立案审批', post: 'leader', decisions: ['file', 'dismiss'], timeLimit: '15D', ends: { decision: 'dismiss', end: '不予立案', otherwise: '立案' } },
      { id: 'investigate', name: '调查取证', post: 'enforcement-brigade', decisions: ['done'], timeLimit: '30D' },
      { id: 'legalReview', name: '法制审核', post: 'legal', decisions: ['approve', 'reject'], timeLimit: '5WD' },
      { id: 'notify', name: '告知', post: 'enforcement-brigade', decisions: ['done'], timeLimit: '3WD' },
      { id: 'decide', name: '处罚决定', post: 'leader', decisions: ['penalize', 'no-penalty'], decisive: true },
      { id: 'serve', name: '送达', post: 'enforcement-brigade', decisions: ['served'], timeLimit: '7D' },
    ],
  },
};

const escape = (text: string) => text.replace(/[<&"]/g, (char) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[char] as string);

/** A drawn node: its id, its BPMN element (tag and attributes) and where it stands. */
interface Node {
  id: string;
  tag: string;
  attributes: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Flow {
  id: string;
  name?: string;
  from: Node;
  to: Node;
  condition?: string;
}

/**
 * A new process, executable, laid out left to right: empty but for its start event, or a
 * template's chain of steps with their decisions, limits and a way out where one decision ends
 * the case. Each step's group is its post at the department of the directory that holds most of
 * the template's posts; a post nobody holds is left for the designer (the lint says so).
 */
export function newDiagram(name: string, template: TemplateName = 'blank', directory?: Directory): string {
  const key = `process_${Math.random().toString(36).slice(2, 8)}`;
  const spec = template === 'blank' ? null : templates[template];
  const nodes: Node[] = [];
  const flows: Flow[] = [];
  const line = 200;
  let x = 180;
  const place = (id: string, tag: string, attributes: string, width: number, height: number, y = line): Node => {
    const node = { id, tag, attributes, x, y: y - height / 2, width, height };
    nodes.push(node);
    return node;
  };
  let last = place(`${key}-start`, 'startEvent', 'name="申请提交"', 36, 36);
  /** The next flow on the main line: a gateway's default flow, which goes on to the next step, with its name. */
  let defaultFlow: { id: string; name: string } | undefined;
  const next = (id: string, tag: string, attributes: string, width: number, height: number) => {
    x += last.width + 60;
    const node = place(id, tag, attributes, width, height);
    flows.push({ id: `${key}-flow${flows.length + 1}`, ...defaultFlow, from: last, to: node });
    defaultFlow = undefined;
    last = node;
  };
  const department = spec && directory ? departmentFor(spec, directory) : null;
  for (const step of spec?.steps ?? []) {
    const groups = department && directory?.groups.includes(`${step.post}@${department}`) ? ` govflow:candidateGroups="${step.post}@${department}"` : '';
    const limits = `${step.timeLimit ? ` govflow:timeLimit="${step.timeLimit}"` : ''}${step.decisive ? ' govflow:decisive="true"' : ''}`;
    next(step.id, 'userTask', `name="${step.name}"${groups} govflow:decisions="${step.decisions.join(',')}"${limits}`, 100, 80);
    if (!step.ends) continue;
    next(`${step.id}Outcome`, 'exclusiveGateway', `name="${step.name}结果？" default="${step.id}Continues"`, 50, 50);
    // the ending decision leads up to its end event; every other goes on along the line
    const ended = place(`${step.id}Ended`, 'endEvent', `name="${step.ends.end}"`, 36, 36, line - 130);
    ended.x = last.x + 7;
    flows.push({ id: `${step.id}Ends`, name: step.ends.end, from: last, to: ended, condition: `\${decision == "${step.ends.decision}"}` });
    defaultFlow = { id: `${step.id}Continues`, name: step.ends.otherwise };
  }
  if (spec) next(`${key}-end`, 'endEvent', `name="${spec.end}"`, 36, 36);
  const attributes = Object.entries(spec?.attributes ?? {})
    .map(([attribute, value]) => ` govflow:${attribute}="${value}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:govflow="http://govflow.org/schema/1.0/bpmn" id="${key}-definitions" targetNamespace="http://govflow.org/processes">
  <bpmn:process id="${key}" name="${escape(name)}" isExecutable="true"${attributes}>
${nodes.map((node) => `    ${nodeXml(node, flows)}`).join('\n')}
${flows.map((flow) => `    ${flowXml(flow)}`).join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${key}-diagram">
    <bpmndi:BPMNPlane id="${key}-plane" bpmnElement="${key}">
${nodes.map((node) => `      <bpmndi:BPMNShape id="${node.id}-shape" bpmnElement="${node.id}"><dc:Bounds x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" /></bpmndi:BPMNShape>`).join('\n')}
${flows.map((flow) => `      ${edgeXml(flow)}`).join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A node with its incoming and outgoing flows named, as BPMN (and the lint) reads its connections. */
function nodeXml(node: Node, flows: Flow[]): string {
  const links = [...flows.filter((flow) => flow.to === node).map((flow) => `<bpmn:incoming>${flow.id}</bpmn:incoming>`), ...flows.filter((flow) => flow.from === node).map((flow) => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`)];
  return `<bpmn:${node.tag} id="${node.id}" ${node.attributes}>${links.join('')}</bpmn:${node.tag}>`;
}

function flowXml(flow: Flow): string {
  const ends = `id="${flow.id}"${flow.name ? ` name="${flow.name}"` : ''} sourceRef="${flow.from.id}" targetRef="${flow.to.id}"`;
  if (!flow.condition) return `<bpmn:sequenceFlow ${ends} />`;
  return `<bpmn:sequenceFlow ${ends}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(flow.condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

function edgeXml({ id, from, to }: Flow): string {
  const sideways = from.y + from.height / 2 === to.y + to.height / 2;
  const points = sideways
    ? [
        [from.x + from.width, from.y + from.height / 2],
        [to.x, to.y + to.height / 2],
      ]
    : [
        [from.x + from.width / 2, from.y],
        [to.x + to.width / 2, to.y + to.height],
      ];
  return `<bpmndi:BPMNEdge id="${id}-edge" bpmnElement="${id}">${points.map(([px, py]) => `<di:waypoint x="${px}" y="${py}" />`).join('')}</bpmndi:BPMNEdge>`;
}

/** The department holding the most of the template's posts (their groups in the directory); null when none holds any. */
function departmentFor(spec: TemplateSpec, directory: Directory): string | null {
  const posts = new Set(spec.steps.map((step) => step.post));
  const held = new Map<string, number>();
  for (const group of directory.groups) {
    const [post, department] = group.split('@');
    if (department && posts.has(post)) held.set(department, (held.get(department) ?? 0) + 1);
  }
  return [...held].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]?.[0] ?? null;
}
