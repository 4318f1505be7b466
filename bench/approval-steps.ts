import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../engine';
import { projectRoot } from '../scripts/services';

/** The shipped 3-step process both paths run, so bare and govflow figures compare like for like. */
export const processKey = 'general-approval';

/** The steps in order and the decision that moves each one forward to the granting end. */
export const approvalSteps = [
  { stepId: 'accept', decision: 'accept' },
  { stepId: 'review', decision: 'pass' },
  { stepId: 'decide', decision: 'grant' },
] as const;

export type ApprovalStepId = (typeof approvalSteps)[number]['stepId'];

/** Submits every case; the facade needs no user record behind an actor. */
export const benchApplicant: Actor = { username: 'bench-applicant', roles: ['applicant'], department: null, groups: [] };

/** Works all three steps: a candidate of each step's group, so no claim or transfer is needed. */
export const benchClerk: Actor = {
  username: 'bench-clerk',
  roles: ['clerk'],
  department: 'market-bureau',
  groups: ['window@market-bureau', 'licensing-section@market-bureau', 'leader@market-bureau'],
};

/** The process model as shipped; deployed by each govflow session, whose compiled version the bare path reuses. */
export function approvalXml(): string {
  return readFileSync(join(projectRoot, 'processes', `${processKey}.bpmn`), 'utf8');
}

/** The step that should be waiting after `completed` steps, or null once the case should have ended. */
export function stepAfter(completed: number): ApprovalStepId | null {
  return approvalSteps[completed]?.stepId ?? null;
}
