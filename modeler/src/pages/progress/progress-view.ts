import { ApiError, api } from '../../shared/api-client';
import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { publicReasonLines } from '../case/public-reasons';
import { acceptanceLabel, statusLabel } from '../inbox/work-labels';
import type { ProgressView } from './progress-types';

/**
 * progress.html[?receipt=…&code=…]: the public query (no sign-in) by receipt number and query
 * code — status in words, the current step, the due date and the outcome; nothing personal.
 */
export function progressPage(main: HTMLElement): void {
  const query = new URLSearchParams(location.search);
  const receipt = h('input', { id: 'progress-receipt', name: 'receipt', required: true, autocomplete: 'off', value: query.get('receipt') ?? '', inputmode: 'text' });
  const code = h('input', { id: 'progress-code', name: 'code', required: true, minlength: 4, maxlength: 32, autocomplete: 'off', value: query.get('code') ?? '' });
  const result = h('section', { id: 'progress-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'progress-query panel', onsubmit: (event: Event) => (event.preventDefault(), void lookUp(receipt.value.trim(), code.value.trim(), result)) },
    h('label', { for: receipt.id }, t('progress.receiptNo')),
    receipt,
    h('label', { for: code.id }, t('progress.queryCode')),
    code,
    h('button', { type: 'submit', class: 'primary' }, t('progress.submit')),
  );
  replaceChildren(main, h('h1', {}, t('progress.title')), h('p', { class: 'muted' }, t('progress.intro')), form, result);
  if (receipt.value && code.value) void lookUp(receipt.value, code.value, result);
}

async function lookUp(receiptNo: string, code: string, result: HTMLElement): Promise<void> {
  if (!receiptNo || code.length < 4) {
    replaceChildren(result, h('p', { class: 'error', role: 'alert' }, t('progress.badInput')));
    return;
  }
  history.replaceState(null, '', `?${new URLSearchParams({ receipt: receiptNo, code })}`);
  try {
    const progress = await api<ProgressView>('GET', `/api/public/progress/${encodeURIComponent(receiptNo)}?code=${encodeURIComponent(code)}`);
    replaceChildren(result, progressCard(progress));
  } catch (error) {
    const known = error instanceof ApiError && (error.status === 404 || error.status === 400);
    replaceChildren(result, h('p', { class: 'error', role: 'alert' }, known ? t(error.status === 404 ? 'progress.notFound' : 'progress.badInput') : String(error)));
  }
}

function progressCard(progress: ProgressView): HTMLElement {
  const waitingForApplicant = progress.awaiting.includes('supplement');
  const step = waitingForApplicant ? t('progress.awaitingSupplement') : progress.currentSteps.join('、') || t('progress.noStep');
  const rows: Array<[string, string, string]> = [
    ['status', t('progress.status'), statusLabel(progress.status)],
    ...(progress.status === 'running' ? ([['step', t('progress.step'), step], ['due', t('progress.due'), progress.dueDate ?? t('progress.notStarted')]] as Array<[string, string, string]>) : []),
    ...(progress.outcome.length > 0 ? ([['outcome', t('progress.outcome'), progress.outcome.join('、')]] as Array<[string, string, string]>) : []),
    ['submitted', t('progress.submitted'), chinaTime(progress.createdAt)],
    ...(progress.acceptance ? ([['acceptance', t('progress.acceptance'), acceptanceLabel(progress.acceptance)]] as Array<[string, string, string]>) : []),
    progress.endedAt ? ['ended', t('progress.ended'), chinaTime(progress.endedAt)] : ['updated', t('progress.updated'), chinaTime(progress.updatedAt)],
  ];
  return h(
    'article',
    { class: 'progress-card panel', dataset: { status: progress.status } },
    h('h2', {}, progress.receiptNo),
    h('dl', { class: 'facts' }, ...rows.flatMap(([key, label, value]) => [h('dt', {}, label), h('dd', { dataset: { fact: key } }, value)])),
    progress.opinions.length > 0
      ? h('div', { class: 'reasons' }, h('h3', {}, t('progress.reasons')), ...publicReasonLines(progress.opinions))
      : null,
  );
}
