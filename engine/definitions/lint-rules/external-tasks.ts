import type { RuleFactory } from 'bpmnlint';
import { externalTaskSpec, externalTaskTopic, externalTaskTypes } from '../external-task-spec';
import { mappingNameProblems, topicPattern } from '../names';


/**
 * A service, send or business-rule task is done by another system's worker, which fetches it by
 * topic (DESIGN.md): one that names no topic — or names Java code of another engine instead —
 * would wait for nobody, so it is refused with where to put the topic. Mapped variable names
 * must be names a process can hold.
 */
const externalTasks: RuleFactory = () => ({
  check(node, reporter) {
    if (!externalTaskTypes.includes(node.$type)) return;
    const id = String(node.id);
    const label = `${node.$type.slice(5)} "${node.name ?? id}"`;
    const topic = externalTaskTopic(node);
    if (!topic) {
      const code = ['class', 'delegateExpression', 'expression'].map((name) => node.get(`camunda:${name}`) ?? node.get(`flowable:${name}`)).find((value) => typeof value === 'string' && value !== '');
      const why = code ? `names code of another engine (${String(code)}), which govflow never runs` : 'names no topic';
      reporter.report(id, `${label} ${why}: another system's worker does it as an external task — set govflow:topic (or camunda:type="external" with camunda:topic), e.g. govflow:topic="credit-check"`);
      return;
    }
    if (!topicPattern.test(topic)) reporter.report(id, `${label}: the topic "${topic}" must be 1–128 letters, digits, dots, dashes, colons or underscores, starting with a letter or digit`);
    const { inputs, outputs } = externalTaskSpec(node);
    for (const problem of mappingNameProblems(label, [...(inputs ?? []), ...(outputs ?? [])])) reporter.report(id, problem);
  },
});

export default externalTasks;
