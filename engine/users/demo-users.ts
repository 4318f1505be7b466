import type { Role } from '../records';
import type { NewClient } from './machine-clients';
import type { NewUser } from './user-directory';

const bureau = 'market-bureau';

/**
 * The demo users, created only when GOVFLOW_DEMO=1, all with the password `demo` and a made-up name: DESIGN.md's
 * six (admin, designer, applicant, clerk, leader, supervisor) and the staff of a market
 * regulation bureau the shipped processes name — its window, licensing section, section chief,
 * legal section, enforcement brigade — the reviewers of the departments of 并联审批, and for
 * each of the two districts (demo-units.ts) an administrator, a designer and a market clerk,
 * and 东城区's supervision office.
 */
export const demoUsers: NewUser[] = [
  { username: 'admin', name: '周立', password: 'demo', roles: ['admin'] },
  { username: 'designer', name: '孙悦', password: 'demo', roles: ['designer'] },
  { username: 'applicant', name: '李明', password: 'demo', roles: ['applicant'] },
  { username: 'applicant2', name: '赵丽', password: 'demo', roles: ['applicant'] },
  { username: 'clerk', name: '张伟', password: 'demo', roles: ['clerk'], department: bureau, groups: [`window@${bureau}`, `licensing-section@${bureau}`] },
  { username: 'window2', name: '刘洋', password: 'demo', roles: ['clerk'], department: bureau, groups: [`window@${bureau}`] },
  { username: 'chief', name: '陈静', password: 'demo', roles: ['clerk'], department: bureau, groups: [`chief@${bureau}`] },
  { username: 'legal', name: '杨帆', password: 'demo', roles: ['clerk'], department: bureau, groups: [`legal@${bureau}`] },
  { username: 'officer1', name: '黄磊', password: 'demo', roles: ['clerk'], department: bureau, groups: [`enforcement-brigade@${bureau}`] },
  { username: 'officer2', name: '吴婷', password: 'demo', roles: ['clerk'], department: bureau, groups: [`enforcement-brigade@${bureau}`] },
  { username: 'leader', name: '郑国强', password: 'demo', roles: ['leader'], department: bureau, groups: [`leader@${bureau}`] },
  { username: 'fire-reviewer', name: '何勇', password: 'demo', roles: ['clerk'], department: 'fire-department', groups: ['review@fire-department'] },
  { username: 'planning-reviewer', name: '罗敏', password: 'demo', roles: ['clerk'], department: 'planning-bureau', groups: ['review@planning-bureau'] },
  { username: 'environment-reviewer', name: '高翔', password: 'demo', roles: ['clerk'], department: 'environment-bureau', groups: ['review@environment-bureau'] },
  { username: 'supervisor', name: '林海', password: 'demo', roles: ['supervisor'], department: 'supervision-office' },
  ...districtStaff('east', ['马超', '胡军', '郭芳']),
  { username: 'east-supervisor', name: '宋佳', password: 'demo', roles: ['supervisor'], department: 'east-supervision-office' },
  ...districtStaff('west', ['唐亮', '韩雪', '冯涛']),
];

/** A district's administrator and designer, and a clerk of its market bureau (demo-units.ts). */
function districtStaff(district: 'east' | 'west', [admin, designer, clerk]: [string, string, string]): NewUser[] {
  const market = `${district}-market-bureau`;
  return [
    { username: `${district}-admin`, name: admin, password: 'demo', roles: ['admin'], department: `${district}-district` },
    { username: `${district}-designer`, name: designer, password: 'demo', roles: ['designer'], department: `${district}-district` },
    { username: `${district}-clerk`, name: clerk, password: 'demo', roles: ['clerk'], department: market, groups: [`window@${market}`, `licensing-section@${market}`] },
  ];
}

/** The demo's machine client, the credit bureau's system, whose secret is `demo` too. */
export const demoClients: NewClient[] = [{ clientId: 'credit-bureau', topics: ['credit-check'] }];

/** The demo account that holds `role`: the user of its name, and for the system role the demo client. */
export function demoAccountOf(role: Role): string {
  return role === 'system' ? demoClients[0].clientId : role;
}
