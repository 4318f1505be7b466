import type { NewUser } from './user-directory';

/** The demo users of DESIGN.md's contract, created only when GOVFLOW_DEMO=1; all use the password `demo`. */
export const demoUsers: NewUser[] = [
  { username: 'admin', password: 'demo', roles: ['admin'] },
  { username: 'designer', password: 'demo', roles: ['designer'] },
  { username: 'applicant', password: 'demo', roles: ['applicant'] },
  {
    username: 'clerk',
    password: 'demo',
    roles: ['clerk'],
    department: 'market-bureau',
    groups: ['window@market-bureau', 'licensing-section@market-bureau'],
  },
  { username: 'leader', password: 'demo', roles: ['leader'], department: 'market-bureau', groups: ['leader@market-bureau'] },
  { username: 'supervisor', password: 'demo', roles: ['supervisor'], department: 'supervision-office' },
];
