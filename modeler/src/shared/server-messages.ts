import { locale } from './i18n';

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
