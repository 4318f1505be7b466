import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';

/** govflow runs exactly one process per deployment: the model must mark one process executable. */
const executableProcess: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Definitions')) return;
    const processes = ((node.rootElements as ModdleElement[] | undefined) ?? []).filter((element) => is(element, 'bpmn:Process'));
    const executable = processes.filter((process) => process.isExecutable === true);
    if (executable.length === 0) {
      reporter.report(processes[0]?.id ?? String(node.id), 'no process is marked executable (isExecutable="true")');
    } else if (executable.length > 1) {
      for (const process of executable.slice(1)) reporter.report(String(process.id), 'only one process per deployment may be executable');
    }
  },
});

export default executableProcess;
