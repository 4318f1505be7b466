import { chinaTime, h } from '../../shared/dom';
import { labelOr, t } from '../../shared/i18n';
import { personName } from '../../shared/names';
import { acceptanceLabel, statusLabel } from '../inbox/work-labels';
import type { CaseView } from './case-types';

/** The case's title with its receipt number, status, applicant, dates and what it waits for; for staff, the way to its 审批单. */
export function caseHeader(view: CaseView, printable: boolean): HTMLElement {
  const facts: Array<[string, Node | string]> = [
    [t('case.receipt'), h('span', { class: 'receipt-no' }, view.receiptNo)],
    [t('case.status'), h('span', { class: `status-badge status-${view.status}`, dataset: { status: view.status } }, statusLabel(view.status))],
    [t('case.applicant'), personName(view.names, view.applicant)],
    [t('case.process'), h('span', { title: `${view.processKey} v${view.version}` }, `${view.processName ?? view.processKey}（${t('case.version', { version: view.version })}）`)],
    [t('case.created'), chinaTime(view.createdAt)],
  ];
  if (view.acceptance) facts.push([t('case.acceptance'), h('span', { class: 'acceptance', dataset: { kind: view.acceptance.kind } }, acceptanceLabel(view.acceptance))]);
  if (view.endedAt) facts.push([t('case.ended'), chinaTime(view.endedAt)]);
  if (view.outcome.length > 0) facts.push([t('case.outcome'), view.outcome.join('、')]);
  if (view.awaiting.length > 0) facts.push([t('case.awaiting'), view.awaiting.map((message) => labelOr(`case.awaiting.${message}`, message)).join('、')]);
  return h(
    'header',
    { class: 'case-header panel' },
    h('div', { class: 'case-title' }, h('h1', {}, view.title), printable ? h('a', { href: `approval-sheet.html?id=${encodeURIComponent(view.id)}`, class: 'sheet-link', id: 'approval-sheet-link' }, t('case.approvalSheet')) : null),
    h('dl', { class: 'case-facts' }, ...facts.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value)))),
  );
}
