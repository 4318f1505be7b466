import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { countersignRules } from '../step-catalogue';

/**
 * A countersign (govflow:countersign) is a multi-instance user task with signers and a pass
 * rule; a share to pass only means something for a vote. Checked at deploy, so no case reaches
 * a countersign nobody can sign.
 */
const countersign: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) return;
    const id = String(node.id);
    const rule = node.get('govflow:countersign');
    if (rule === undefined) {
      if (node.get('govflow:signers') !== undefined) reporter.report(id, 'govflow:signers needs govflow:countersign (all, any or vote)');
      return;
    }
    if (!(countersignRules as readonly unknown[]).includes(rule)) reporter.report(id, `govflow:countersign must be one of ${countersignRules.join(', ')}, not "${String(rule)}"`);
    const loop = node.loopCharacteristics as ModdleElement | undefined;
    if (!loop || !is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) reporter.report(id, 'a countersign needs the multi-instance marker (multiInstanceLoopCharacteristics)');
    if (typeof node.get('govflow:signers') !== 'string' || String(node.get('govflow:signers')).trim() === '') reporter.report(id, 'a countersign needs govflow:signers: users, groups (role@department) or ${…}');
    const share = node.get('govflow:passShare');
    if (share !== undefined && rule !== 'vote') reporter.report(id, 'govflow:passShare applies to a vote (govflow:countersign="vote") only');
    if (share !== undefined && !(typeof share === 'number' && share > 0 && share <= 1)) reporter.report(id, 'govflow:passShare must be a number above 0 and at most 1');
  },
});

export default countersign;
