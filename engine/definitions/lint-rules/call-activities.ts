import type { RuleFactory } from 'bpmnlint';
import { callActivitySpec } from '../call-activity-spec';
import { mappingNameProblems } from '../names';

const processId = /^[A-Za-z_][\w.-]*$/;

/**
 * A call activity runs a case of another deployed process (deploy checks it is deployed): it must
 * name one by id — not an expression, since deploy must know what it calls — and map variables
 * to names a process can hold.
 */
const callActivities: RuleFactory = () => ({
  check(node, reporter) {
    if (node.$type !== 'bpmn:CallActivity') return;
    const id = String(node.id);
    const spec = callActivitySpec(node);
    const label = `CallActivity "${spec.name}"`;
    if (!spec.calledElement) reporter.report(id, `${label} names no process to call: set calledElement to the id of a deployed process`);
    else if (!processId.test(spec.calledElement)) reporter.report(id, `${label}: calledElement "${spec.calledElement}" must be the id of a deployed process, not an expression`);
    for (const problem of mappingNameProblems(label, [...(spec.inputs ?? []), ...(spec.outputs ?? [])])) reporter.report(id, problem);
  },
});

export default callActivities;
