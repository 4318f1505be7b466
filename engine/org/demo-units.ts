import type { UnitInput } from './unit-rules';

const city = 'city';

/** A district with its market and planning bureaus, their sections, a service window and, when it has one, a supervision office. */
function district(code: string, name: string, withOffice: boolean): UnitInput[] {
  return [
    { code: `${code}-district`, name, kind: 'district', parent: city },
    { code: `${code}-market-bureau`, name: `${name}市场监督管理局`, kind: 'bureau', parent: `${code}-district` },
    { code: `${code}-market-licensing`, name: `${name}市场监管局登记许可科`, kind: 'section', parent: `${code}-market-bureau` },
    { code: `${code}-planning-bureau`, name: `${name}规划和自然资源分局`, kind: 'bureau', parent: `${code}-district` },
    { code: `${code}-planning-approval`, name: `${name}规划分局审批科`, kind: 'section', parent: `${code}-planning-bureau` },
    { code: `${code}-service-window`, name: `${name}政务服务中心窗口`, kind: 'window', parent: `${code}-district` },
    ...(withOffice ? [{ code: `${code}-supervision-office`, name: `${name}电子监察室`, kind: 'supervision-office' as const, parent: `${code}-district` }] : []),
  ];
}

/**
 * The demo's small city (GOVFLOW_DEMO=1): the city with the bureaus the shipped processes name
 * (their codes as the first wave had them), two districts with their market and planning
 * bureaus and sections, and the supervision offices of the city and of 东城区.
 */
export const demoUnits: UnitInput[] = [
  { code: city, name: '市人民政府', kind: 'city', parent: null },
  { code: 'market-bureau', name: '市市场监督管理局', kind: 'bureau', parent: city },
  { code: 'market-licensing', name: '市市场监管局行政许可科', kind: 'section', parent: 'market-bureau' },
  { code: 'market-enforcement', name: '市市场监管局执法支队', kind: 'section', parent: 'market-bureau' },
  { code: 'planning-bureau', name: '市规划和自然资源局', kind: 'bureau', parent: city },
  { code: 'planning-approval', name: '市规划局审批科', kind: 'section', parent: 'planning-bureau' },
  { code: 'fire-department', name: '市消防救援支队', kind: 'bureau', parent: city },
  { code: 'environment-bureau', name: '市生态环境局', kind: 'bureau', parent: city },
  { code: 'service-center', name: '市政务服务中心', kind: 'window', parent: city },
  { code: 'supervision-office', name: '市电子监察室', kind: 'supervision-office', parent: city },
  ...district('east', '东城区', true),
  ...district('west', '西城区', false),
];
