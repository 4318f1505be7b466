import type { Role } from '../records';
export type { Role } from '../records';
/** Every role; `system` is a machine client's (users/machine-clients.ts), never a person's. */
export const roles: readonly Role[] = ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin', 'system'];

/**
 * The roles that read cases as staff: the staff view of a case (names, internal opinions,
 * countersigns, the full history), and cases copied (抄送) to them. Applicants and designers are
 * not among them: a copy to one is refused, and an old copy to one grants nothing.
 */
export const caseStaffRoles: readonly Role[] = ['clerk', 'leader', 'supervisor', 'admin'];
