import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { timerValueProblem, type TimerKind } from '../timer-values';

const kinds: TimerKind[] = ['timeDate', 'timeDuration', 'timeCycle'];

/** A timer must say when it fires, in a form govflow reads (ISO 8601, cron, a legal limit, an expression). */
const timerValues: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:TimerEventDefinition')) return;
    const owner = String(node.$parent?.id ?? node.id);
    const given = kinds.filter((kind) => typeof (node[kind] as ModdleElement | undefined)?.body === 'string');
    if (given.length === 0) return reporter.report(owner, 'the timer says not when it fires: give a timeDuration (e.g. PT10M or 3WD), a timeDate or a timeCycle');
    for (const kind of given) {
      const problem = timerValueProblem(kind, String((node[kind] as ModdleElement).body));
      if (problem) reporter.report(owner, problem);
    }
  },
});

export default timerValues;
