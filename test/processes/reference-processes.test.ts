import { systemActor, type Govflow } from '../../engine';
import { createModdle } from '../../engine/definitions/moddle';
import { bpmn, createTestGovflow } from '../support/test-govflow';
import { demoUsers } from '../../engine/users/demo-users';

/**
 * The reference process models shipped in processes/: each deploys without a single lint
 * problem, carries a complete diagram (bpmn-js draws exactly what the engine runs) and names
 * every step in Chinese.
 */
const referenceProcesses = [
  { file: 'licensing-general.bpmn', key: 'licensing-general', name: '行政许可（一般程序）' },
  { file: 'licensing-parallel.bpmn', key: 'licensing-parallel', name: '行政许可（并联审批）' },
  { file: 'administrative-penalty.bpmn', key: 'administrative-penalty', name: '行政处罚（一般程序）' },
];

const cjk = /[\u3400-\u4dbf\u4e00-\u9fff]/;

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ParsedModel {
  flowNodes: ModdleElement[];
  sequenceFlows: ModdleElement[];
  shapes: Map<string, Bounds>;
  edges: Map<string, Array<{ x: number; y: number }>>;
}

async function parseModel(xml: string): Promise<ParsedModel> {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  expect(warnings).toEqual([]);
  const processes = (rootElement.rootElements as ModdleElement[]).filter((element) => element.$type === 'bpmn:Process');
  expect(processes).toHaveLength(1);
  const flowElements: ModdleElement[] = [];
  const collect = (container: ModdleElement) => {
    for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      flowElements.push(element);
      if (element.flowElements) collect(element);
    }
  };
  collect(processes[0]);
  const shapes = new Map<string, Bounds>();
  const edges = new Map<string, Array<{ x: number; y: number }>>();
  const diagrams = rootElement.diagrams as ModdleElement[];
  expect(diagrams).toHaveLength(1);
  const plane = diagrams[0].plane as ModdleElement;
  expect((plane.bpmnElement as ModdleElement).id).toBe(processes[0].id);
  for (const element of plane.planeElement as ModdleElement[]) {
    const id = String((element.bpmnElement as ModdleElement).id);
    if (element.$type === 'bpmndi:BPMNShape') shapes.set(id, element.bounds as Bounds);
    if (element.$type === 'bpmndi:BPMNEdge') edges.set(id, element.waypoint as Array<{ x: number; y: number }>);
  }
  return {
    flowNodes: flowElements.filter((element) => element.$type !== 'bpmn:SequenceFlow'),
    sequenceFlows: flowElements.filter((element) => element.$type === 'bpmn:SequenceFlow'),
    shapes,
    edges,
  };
}

/** True when the point lies on the outline of the box (a waypoint where an edge meets its shape). */
function onOutline(point: { x: number; y: number }, box: Bounds): boolean {
  const withinX = point.x >= box.x && point.x <= box.x + box.width;
  const withinY = point.y >= box.y && point.y <= box.y + box.height;
  const onVertical = (point.x === box.x || point.x === box.x + box.width) && withinY;
  const onHorizontal = (point.y === box.y || point.y === box.y + box.height) && withinX;
  return onVertical || onHorizontal;
}

const expectedSize: Record<string, [number, number]> = {
  'bpmn:UserTask': [100, 80],
  'bpmn:StartEvent': [36, 36],
  'bpmn:EndEvent': [36, 36],
  'bpmn:IntermediateCatchEvent': [36, 36],
  'bpmn:BoundaryEvent': [36, 36],
  'bpmn:ExclusiveGateway': [50, 50],
  'bpmn:EventBasedGateway': [50, 50],
};

describe('reference process models', () => {
  let govflow: Govflow;
  beforeAll(async () => {
    govflow = await createTestGovflow();
    for (const user of demoUsers) await govflow.users.ensureDemoUser(user);
  });
  afterAll(async () => {
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  describe.each(referenceProcesses)('$file', ({ file, key, name }) => {
    const xml = bpmn(file);

    it('deploys with no lint errors or warnings, every step staffed by the demo users', async () => {
      const outcome = await govflow.definitions.deploy(xml, systemActor);
      expect(outcome).toMatchObject({ key, name, version: 1, created: true });
      expect(outcome.warnings).toEqual([]);
    });

    it('has a diagram shape for every flow node and an edge for every sequence flow', async () => {
      const model = await parseModel(xml);
      expect(model.flowNodes.length).toBeGreaterThan(0);
      const nodeIds = model.flowNodes.map((node) => String(node.id)).sort();
      const flowIds = model.sequenceFlows.map((flow) => String(flow.id)).sort();
      expect([...model.shapes.keys()].sort()).toEqual(nodeIds);
      expect([...model.edges.keys()].sort()).toEqual(flowIds);
      for (const node of model.flowNodes) {
        const size = expectedSize[node.$type];
        expect([node.id, node.$type, size !== undefined]).toEqual([node.id, node.$type, true]);
        const box = model.shapes.get(String(node.id))!;
        expect([node.id, box.width, box.height]).toEqual([node.id, ...size]);
      }
      for (const flow of model.sequenceFlows) {
        const points = model.edges.get(String(flow.id))!;
        expect(points.length).toBeGreaterThanOrEqual(2);
        const source = model.shapes.get(String((flow.sourceRef as ModdleElement).id))!;
        const target = model.shapes.get(String((flow.targetRef as ModdleElement).id))!;
        expect([flow.id, onOutline(points[0], source), onOutline(points.at(-1)!, target)]).toEqual([flow.id, true, true]);
      }
    });

    it('names every flow node in Chinese', async () => {
      const model = await parseModel(xml);
      const unnamed = model.flowNodes.filter((node) => !cjk.test(node.name ?? '')).map((node) => node.id);
      expect(unnamed).toEqual([]);
    });
  });
});
