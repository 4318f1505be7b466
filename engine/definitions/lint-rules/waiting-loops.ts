import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';

/** What makes a case stop and wait, so a loop through it cannot spin. */
const waits = ['bpmn:UserTask', 'bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent', 'bpmn:SubProcess', 'bpmn:EventBasedGateway'];

/**
 * A loop whose every element runs straight through (plain tasks, gateways, throw events) spins
 * without end once its condition holds: warned at deploy, naming an element of the loop. A loop
 * through a user task or a catch event waits for someone each time round.
 */
const waitingLoops: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
    const nodes = ((node.flowElements as ModdleElement[] | undefined) ?? []).filter((element) => !is(element, 'bpmn:SequenceFlow') && !waits.some((type) => is(element, type)));
    const inLoop = spinningNodes(nodes);
    if (inLoop.length > 0) reporter.report(String(inLoop[0].id), `the loop through ${inLoop.map((element) => `"${element.name ?? element.id}"`).join(', ')} has no step that waits, so it would go round without end once its condition holds: put a user task or an event on it`);
  },
});

/**
 * The nodes on a cycle made only of `nodes`, in their order: those of a strongly connected
 * component of more than one node, or with a flow to themselves. Tarjan's algorithm, iterative
 * so a long chain cannot overflow the stack, linear so a large model lints in time.
 */
function spinningNodes(nodes: ModdleElement[]): ModdleElement[] {
  const members = new Set(nodes);
  const next = (element: ModdleElement) => ((element.outgoing as ModdleElement[] | undefined) ?? []).map((flow) => flow.targetRef as ModdleElement).filter((target) => members.has(target));
  const index = new Map<ModdleElement, number>();
  const low = new Map<ModdleElement, number>();
  const stack: ModdleElement[] = [];
  const onStack = new Set<ModdleElement>();
  const cyclic = new Set<ModdleElement>();
  for (const root of nodes) {
    if (index.has(root)) continue;
    const path: Array<{ node: ModdleElement; targets: ModdleElement[] }> = [];
    const enter = (node: ModdleElement) => {
      index.set(node, index.size);
      low.set(node, index.get(node) as number);
      stack.push(node);
      onStack.add(node);
      path.push({ node, targets: next(node) });
    };
    enter(root);
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const target = frame.targets.pop();
      if (target === frame.node) cyclic.add(target);
      if (target && !index.has(target)) {
        enter(target);
      } else if (target) {
        if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
      } else {
        path.pop();
        const parent = path[path.length - 1];
        if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
        if (low.get(frame.node) === index.get(frame.node)) {
          const component: ModdleElement[] = [];
          let member: ModdleElement;
          do {
            member = stack.pop() as ModdleElement;
            onStack.delete(member);
            component.push(member);
          } while (member !== frame.node);
          if (component.length > 1) for (const each of component) cyclic.add(each);
        }
      }
    }
  }
  return nodes.filter((node) => cyclic.has(node));
}

export default waitingLoops;
