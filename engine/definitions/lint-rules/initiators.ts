import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { roles } from '../../users/roles';
import { splitList } from '../task-actors';

/** govflow:initiators names roles (applicant, clerk …) or groups as role@department; anything else would let nobody start a case. */
const initiators: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Process')) return;
    const value = node.get('govflow:initiators');
    if (typeof value !== 'string') return;
    const items = splitList(value);
    if (items.length === 0) reporter.report(String(node.id), 'govflow:initiators is empty: name the roles or groups who start cases');
    for (const item of items) {
      if (!(roles as readonly string[]).includes(item) && !/^[\w.-]+@[\w.-]+$/.test(item)) {
        reporter.report(String(node.id), `govflow:initiators: "${item}" is neither a role (${roles.join(', ')}) nor a group as role@department`);
      }
    }
  },
});

export default initiators;
