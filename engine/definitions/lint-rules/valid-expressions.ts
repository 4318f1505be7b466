import type { RuleFactory } from 'bpmnlint';
import { expressionProblems } from '../../expressions';

const checkedAttributes = ['govflow:assignee', 'govflow:signers', 'govflow:candidateUsers', 'govflow:candidateGroups', 'camunda:assignee', 'camunda:candidateUsers', 'camunda:candidateGroups'];

/** Every `${…}` in a condition or an actor attribute must parse, so a bad expression fails at deploy, not in a case. */
const validExpressions: RuleFactory = () => ({
  check(node, reporter) {
    const texts: string[] = [];
    const condition = node.conditionExpression as ModdleElement | undefined;
    if (typeof condition?.body === 'string') texts.push(condition.body);
    if (node.$type === 'bpmn:UserTask') {
      for (const attribute of checkedAttributes) {
        const value = node.get(attribute);
        if (typeof value === 'string') texts.push(value);
      }
    }
    for (const text of texts) {
      for (const problem of expressionProblems(text)) reporter.report(String(node.id), problem);
    }
  },
});

export default validExpressions;
