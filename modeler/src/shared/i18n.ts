export type Locale = 'zh-CN' | 'en';
export type Messages = Record<string, { 'zh-CN': string; en: string }>;

const storageKey = 'govflow.locale';
const catalogue: Messages = {};

/** Adds a page's or module's messages; keys are shared, so prefix them with the page. */
export function registerMessages(messages: Messages): void {
  Object.assign(catalogue, messages);
}

/** Chinese by default; the English switch is remembered in this browser. */
export function locale(): Locale {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
}

export function setLocale(next: Locale): void {
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
}

/** The message for `key`, or `fallback` when no message is registered (a decision a model invented). */
export function labelOr(key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const entry = catalogue[key];
  const text = entry ? entry[locale()] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
