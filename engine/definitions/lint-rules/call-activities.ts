import type { RuleFactory } from 'bpmnlint';
import { callActivitySpec } from '../call-activity-spec';

const processId = /^[A-Za-z_][\w.-]*$/;
const variableName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

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
    for (const mapping of [...(spec.inputs ?? []), ...(spec.outputs ?? [])]) {
      if (!variableName.test(mapping.name)) reporter.report(id, `${label}: the mapped variable "${mapping.name}" must be a name of letters, digits and _, not starting with a digit`);
    }
  },
});

export default callActivities;
