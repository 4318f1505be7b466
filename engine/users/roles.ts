import type { Role } from '../records';
export type { Role } from '../records';
export const roles: readonly Role[] = ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'];
