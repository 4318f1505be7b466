import type { ApiError, ProblemReason } from './api-client';
import { labelOr, locale, t } from './i18n';
import './problem-words';

/** An English message pattern and its Chinese, with $1… for the names the message carries. */
export type ChinesePattern = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** A message in Chinese: an exact entry, else the first pattern that matches, else the text as it is. */
export function toChinese(text: string, exact: Readonly<Record<string, string>>, patterns: readonly ChinesePattern[]): string {
  if (Object.hasOwn(exact, text)) return exact[text];
  for (const [pattern, replacement] of patterns) {
    if (!pattern.test(text)) continue;
    return typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  return text;
}

const exactMessages: Record<string, string> = {};
const patternMessages: ChinesePattern[] = [];

/** Adds Chinese for the server's problem messages (which are English) that a page shows; pages register the ones they meet. */
export function registerServerMessages(exact: Record<string, string>, patterns: ChinesePattern[] = []): void {
  Object.assign(exactMessages, exact);
  patternMessages.push(...patterns);
}

/** A server's problem message in the page's language. */
export function serverText(text: string): string {
  return locale() === 'zh-CN' ? toChinese(text, exactMessages, patternMessages) : text;
}

/**
 * A problem's words in the page's language: by its reason (`problem.<reason>` with its params)
 * where the pages have words for it, else the server's message through the registered patterns.
 */
export function reasonText(why: ProblemReason, message: string): string {
  const key = `problem.${why.reason ?? ''}`;
  if (why.reason && labelOr(key, '') !== '') return t(key, problemParams(why.params ?? {}));
  return serverText(message);
}

/** What the problem names, in words: a thing not found by its Chinese noun. */
function problemParams(params: Record<string, string | number>): Record<string, string | number> {
  return typeof params.what === 'string' ? { ...params, what: labelOr(`problem.thing.${params.what}`, params.what) } : params;
}

/** A whole refusal in one line: its reason, then each field's problem with where it is. */
export function problemWords(error: ApiError): string {
  const parts = [reasonText(error.why, error.detail || error.title), ...error.errors.map((item) => `${item.path ? `${item.path}：` : ''}${reasonText(item, item.message)}`)];
  return [...new Set(parts.filter(Boolean))].join('；');
}
