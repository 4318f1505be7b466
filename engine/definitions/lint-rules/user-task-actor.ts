import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { actorAttributes } from '../task-actors';

/** A user task nobody may act on would stall every case: it needs an assignee, candidates or countersign signers. */
const userTaskActor: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) return;
    const actors = actorAttributes(node);
    if (node.get('govflow:signers') !== undefined) return; // a countersign's signers act
    if (!actors.assignee && actors.candidateUsers.length === 0 && actors.candidateGroups.length === 0) {
      reporter.report(String(node.id), 'user task names nobody who may act: set govflow:candidateGroups, candidateUsers or assignee');
    }
  },
});

export default userTaskActor;
