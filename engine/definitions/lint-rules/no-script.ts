import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { knownLanguage } from '../../expressions';

/**
 * An uploaded model must never run code on the server: script tasks and script-language
 * conditions are refused unless the operator enabled scripts (then this rule is turned off).
 */
const noScript: RuleFactory = () => ({
  check(node, reporter) {
    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(String(node.id), 'script tasks are disabled on this server (the operator may enable them with GOVFLOW_ALLOW_SCRIPTS=1)');
    }
    const condition = node.conditionExpression as ModdleElement | undefined;
    if (typeof condition?.language === 'string' && !knownLanguage(condition.language)) {
      reporter.report(String(node.id), `condition in script language "${String(condition.language)}" is disabled; use a \${…} or FEEL expression`);
    }
  },
});

export default noScript;
