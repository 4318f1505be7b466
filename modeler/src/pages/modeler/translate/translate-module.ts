import { locale } from '../../../shared/i18n';
import { toChinese } from '../../../shared/server-messages';
import { zhCN, zhCNPatterns } from './zh-cn';

/** diagram-js's translate function: the page's language, with `{name}` placeholders filled. */
export function translate(template: string, replacements: Record<string, unknown> = {}): string {
  const text = locale() === 'zh-CN' ? translateToChinese(template) : template;
  return text.replace(/\{([^}]+)\}/g, (whole, key: string) => (key in replacements ? String(replacements[key]) : whole));
}

/** A message in Chinese: an exact entry, else the first pattern that matches, else the text as it is. */
export function translateToChinese(template: string): string {
  return toChinese(template, zhCN, zhCNPatterns);
}

/** Overrides diagram-js's translate service, so the palette, context pad, properties panel and lint overlays follow the page language. */
export const translateModule = { translate: ['value', translate] };
