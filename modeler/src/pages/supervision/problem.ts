import { ApiError } from '../../shared/api-client';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { problemWords } from '../../shared/server-messages';

/** The server's own words for a refusal: its detail and, for bad input, what was wrong where. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error instanceof Error ? error.message : error);
  return problemWords(error);
}

/** Writes a refusal into a message line (role=alert, so it is announced). */
export function showProblem(line: HTMLElement, error: unknown): void {
  line.textContent = t('sup.refused', { message: problemText(error) });
}

export function messageLine(): HTMLElement {
  return h('p', { class: 'error sup-message', role: 'alert' });
}
