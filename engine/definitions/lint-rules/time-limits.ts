import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { parseTimeLimit, type TimeLimit } from '../../time/time-limit';

/**
 * Time limits must parse (3WD, 90D, 48H), the promised limit may not exceed the statutory one
 * (DOMAIN.md), and the clock must start at a user task of the process — a limited one, where an
 * application left undecided is deemed accepted — checked at deploy, so no case ever runs on a
 * clock that cannot be computed.
 */
const timeLimits: RuleFactory = () => ({
  check(node, reporter) {
    const id = String(node.id);
    if (is(node, 'bpmn:UserTask')) checkLimit(node, 'govflow:timeLimit', id, reporter);
    if (!is(node, 'bpmn:Process')) return;
    const promised = checkLimit(node, 'govflow:promisedLimit', id, reporter);
    const statutory = checkLimit(node, 'govflow:statutoryLimit', id, reporter);
    if (promised && statutory) {
      if (promised.unit !== statutory.unit) reporter.report(id, 'the promised and statutory limits must use the same unit to be compared');
      else if (promised.amount > statutory.amount) reporter.report(id, `the promised limit ${String(node.get('govflow:promisedLimit'))} exceeds the statutory limit ${String(node.get('govflow:statutoryLimit'))}`);
    }
    checkLimit(node, 'govflow:supplementLimit', id, reporter);
    const start = node.get('govflow:clockStart');
    const startStep = typeof start === 'string' ? userTasks(node).find((task) => task.id === start) : undefined;
    if (typeof start === 'string' && !startStep) reporter.report(id, `govflow:clockStart names "${start}", which is not a user task of this process`);
    if (node.get('govflow:deemedAcceptance') === true && typeof startStep?.get('govflow:timeLimit') !== 'string') {
      reporter.report(id, 'govflow:deemedAcceptance needs govflow:clockStart naming the acceptance step, and that step a govflow:timeLimit (5WD under 许可法§32)');
    }
  },
});

function checkLimit(node: ModdleElement, attribute: string, id: string, reporter: { report(id: string, message: string): void }): TimeLimit | undefined {
  const value = node.get(attribute);
  if (typeof value !== 'string') return undefined;
  try {
    return parseTimeLimit(value);
  } catch (error) {
    reporter.report(id, `${attribute}: ${(error as Error).message}`);
    return undefined;
  }
}

/** The user tasks of a process, sub-processes' included. */
function userTasks(container: ModdleElement): ModdleElement[] {
  return ((container.flowElements as ModdleElement[] | undefined) ?? []).flatMap((element) => [...(element.$type === 'bpmn:UserTask' ? [element] : []), ...(element.flowElements ? userTasks(element) : [])]);
}

export default timeLimits;
