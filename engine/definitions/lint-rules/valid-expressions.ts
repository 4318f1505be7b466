import type { Reporter, RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { expressionProblems, readExpression } from '../../expressions';
import { callActivitySpec } from '../call-activity-spec';
import { externalTaskSpec, externalTaskTypes } from '../external-task-spec';
import { definitionsOf } from '../moddle';
import { actorAttributes } from '../task-actors';
import { conditionOf } from '../wiring/conditions';
import { vendorCollection } from '../wiring/loops';

/**
 * Every expression must parse in its language (`${…}`/`#{…}` or FEEL), so a bad expression fails
 * at deploy, not in a case; and a condition must be an expression at all — a literal text would
 * make the flow always taken.
 */
/** The instance counters Camunda and Flowable give a multi-instance's completion condition. */
const instanceCounters = /\bnrOf(Instances|CompletedInstances|ActiveInstances)\b/;

const validExpressions: RuleFactory = () => ({
  check(node, reporter) {
    const id = String(node.id);
    if (is(node, 'bpmn:SequenceFlow')) checkCondition(node, reporter);
    if (is(node, 'bpmn:UserTask')) {
      const { assignee, candidateUsers, candidateGroups } = actorAttributes(node);
      const signers = node.get('govflow:signers');
      for (const text of [assignee ?? '', ...candidateUsers, ...candidateGroups, typeof signers === 'string' ? signers : '']) report(id, text, reporter);
    }
    if (externalTaskTypes.includes(node.$type) || node.$type === 'bpmn:CallActivity') {
      const { inputs, outputs } = node.$type === 'bpmn:CallActivity' ? callActivitySpec(node) : externalTaskSpec(node);
      for (const mapping of [...(inputs ?? []), ...(outputs ?? [])]) report(id, mapping.expression, reporter);
    }
    if (is(node, 'bpmn:MultiInstanceLoopCharacteristics')) {
      const owner = String(node.$parent?.id ?? id);
      const collection = vendorCollection(node);
      if (collection) report(owner, collection, reporter);
      const completion = (node.completionCondition as ModdleElement | undefined)?.body;
      if (typeof completion === 'string' && instanceCounters.test(completion)) {
        reporter.report(owner, `the completion condition "${completion.trim()}" counts instances (nrOfInstances …), which govflow does not provide: make the step a countersign instead — govflow:countersign="any" (或签) or "vote" (票签) with govflow:passShare`);
      }
    }
  },
});

function checkCondition(flow: ModdleElement, reporter: Reporter): void {
  const definitions = definitionsOf(flow);
  const expression = definitions ? conditionOf(flow, definitions) : undefined;
  if (!expression) return;
  if (expression.language === 'text') {
    reporter.report(String(flow.id), `the condition "${expression.body.trim()}" is plain text, so the flow would always be taken: write it as \${…} (e.g. \${approved}) or as FEEL starting with = (e.g. = approved)`);
    return;
  }
  for (const problem of expressionProblems(expression)) reporter.report(String(flow.id), problem);
}

function report(id: string, text: string, reporter: Reporter): void {
  for (const problem of expressionProblems(readExpression(text))) reporter.report(id, problem);
}

export default validExpressions;
