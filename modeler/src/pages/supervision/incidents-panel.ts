import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { pagedList } from './paged-list';
import { messageLine, showProblem } from './problem';
import type { Abilities } from './roles';
import { listIncidents, retryIncident } from './supervision-api';
import type { Incident } from './types';

const pageSize = 20;

/**
 * 故障 (incidents): commands the process engine failed on and that wait for someone — which
 * case and step, the engine's error, when (China time) and how often it failed. Administrators
 * re-run one as recorded after confirming; the supervision office reads them.
 */
export function incidentsPanel(abilities: Abilities): HTMLElement {
  const message = messageLine();
  const list = pagedList({
    className: 'sup-incident-list',
    pageSize,
    fetch: listIncidents,
    emptyText: t('sup.incidents.empty'),
    table: (incidents: Incident[]) => incidentsTable(incidents, abilities, retried),
  });

  /** After a retry: say how it went, then list again (a resolved one leaves, a failed one counts the attempt). */
  function retried(outcome: { ok: true } | { ok: false; error: unknown }): void {
    message.classList.toggle('ok', outcome.ok);
    if (outcome.ok) message.textContent = t('sup.incidents.retried');
    else showProblem(message, outcome.error);
    void list.reload();
  }

  return h('section', { class: 'sup-incidents' }, h('p', { class: 'muted sup-incidents-intro' }, t('sup.incidents.intro')), message, list.element);
}

function incidentsTable(incidents: Incident[], abilities: Abilities, retried: RetryDone): HTMLElement {
  const head = ['case', 'step', 'error', 'at', 'attempts', ...(abilities.retryIncidents ? ['action'] : [])];
  return h(
    'table',
    { class: 'grid sup-incidents-table' },
    h('thead', {}, h('tr', {}, ...head.map((column) => h('th', { scope: 'col' }, t(`sup.incidents.col.${column}`))))),
    h('tbody', {}, ...incidents.map((incident) => incidentRow(incident, abilities, retried))),
  );
}

type RetryDone = (outcome: { ok: true } | { ok: false; error: unknown }) => void;

function incidentRow(incident: Incident, abilities: Abilities, retried: RetryDone): HTMLElement {
  const caseCell = incident.caseId
    ? h('a', { href: `case.html?id=${encodeURIComponent(incident.caseId)}` }, incident.caseTitle)
    : h('span', {}, incident.caseTitle, ' ', h('small', { class: 'muted' }, t('sup.incidents.noCase')));
  return h(
    'tr',
    { dataset: { incidentId: incident.id } },
    h('td', { class: 'wrap' }, caseCell, h('br'), h('small', { class: 'muted' }, incident.receiptNo ?? `${incident.processName} v${incident.version}`)),
    h('td', { class: 'wrap sup-incident-step' }, incident.elementName, h('br'), h('small', { class: 'muted' }, incident.processName)),
    h('td', { class: 'sup-text sup-incident-error' }, incident.error),
    h('td', { class: 'sup-incident-at' }, chinaTime(incident.at)),
    h('td', { class: 'num sup-incident-attempts' }, String(incident.attempts)),
    abilities.retryIncidents ? h('td', {}, incident.retryable ? retryControl(incident, retried) : h('span', { class: 'muted' }, t('sup.incidents.notRetryable'))) : null,
  );
}

/** 重试, then a confirmation naming the step before anything runs again. */
function retryControl(incident: Incident, retried: RetryDone): HTMLElement {
  const cell = h('div', { class: 'sup-retry' });
  const ask = () =>
    replaceChildren(
      cell,
      h('span', { class: 'sup-retry-question' }, t('sup.incidents.confirm', { step: incident.elementName })),
      h('button', { type: 'button', class: 'primary sup-retry-confirm', onclick: confirm }, t('sup.incidents.confirmRetry')),
      h('button', { type: 'button', class: 'sup-retry-cancel', onclick: reset }, t('sup.incidents.cancel')),
    );
  const reset = () => replaceChildren(cell, h('button', { type: 'button', class: 'sup-retry-start', onclick: ask }, t('sup.incidents.retry')));
  async function confirm(event: Event): Promise<void> {
    (event.target as HTMLButtonElement).disabled = true;
    try {
      await retryIncident(incident.id);
      retried({ ok: true });
    } catch (error) {
      retried({ ok: false, error });
    }
  }
  reset();
  return cell;
}
