import type { Names } from '../../../engine/api-types';
import { labelOr, registerMessages, t } from './i18n';

export type { Names };

/** An answer that sent no names: every id shows as itself. */
export const noNames: Names = { people: {}, units: {} };

/** The posts (岗位) of the shipped processes and the demo city; a post a designer invented shows as written. */
registerMessages({
  'post.window': { 'zh-CN': '窗口', en: 'Service window' },
  'post.licensing-section': { 'zh-CN': '许可科', en: 'Licensing section' },
  'post.chief': { 'zh-CN': '科长', en: 'Section chief' },
  'post.legal': { 'zh-CN': '法制审核', en: 'Legal review' },
  'post.enforcement-brigade': { 'zh-CN': '执法大队', en: 'Enforcement brigade' },
  'post.leader': { 'zh-CN': '分管领导', en: 'Leader in charge' },
  'post.review': { 'zh-CN': '审查', en: 'Review' },
  'names.group': { 'zh-CN': '{unit}{post}', en: '{post}, {unit}' },
});

/** A person as colleagues read them: their name, else their username. */
export function personName(names: Names, username: string): string {
  return names.people[username] ?? username;
}

export function unitName(names: Names, code: string): string {
  return names.units[code] ?? code;
}

/** Whoever a step or a signer names, as staff read it: a person by name, a group `window@market-bureau` as 市场监督管理局窗口. */
export function handlerName(names: Names, handler: string): string {
  const at = handler.indexOf('@');
  if (at < 0) return personName(names, handler);
  const post = handler.slice(0, at);
  return t('names.group', { unit: unitName(names, handler.slice(at + 1)), post: labelOr(`post.${post}`, post) });
}
