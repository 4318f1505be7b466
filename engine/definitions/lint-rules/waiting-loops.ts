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

/** The nodes on a cycle made only of `nodes` (Tarjan-free: a node is on one when it reaches itself). */
function spinningNodes(nodes: ModdleElement[]): ModdleElement[] {
  const members = new Set(nodes);
  const next = (element: ModdleElement) => ((element.outgoing as ModdleElement[] | undefined) ?? []).map((flow) => flow.targetRef as ModdleElement).filter((target) => members.has(target));
  return nodes.filter((start) => {
    const seen = new Set<ModdleElement>();
    const stack = next(start);
    while (stack.length > 0) {
      const current = stack.pop() as ModdleElement;
      if (current === start) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      stack.push(...next(current));
    }
    return false;
  });
}

export default waitingLoops;
