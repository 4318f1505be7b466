/** The roles a user may have; a module of its own so the browser's lint bundle can name them too. */
export type Role = 'applicant' | 'clerk' | 'leader' | 'supervisor' | 'designer' | 'admin';
export const roles: readonly Role[] = ['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'];
