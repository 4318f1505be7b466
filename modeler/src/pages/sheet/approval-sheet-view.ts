import { api } from '../../shared/api-client';
import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import type { ApprovalSheet, SheetField } from '../../../../engine/api-types';
import { decisionLabel, statusLabel } from '../inbox/work-labels';

type Sheet = ApprovalSheet & { names: Names };

/**
 * approval-sheet.html?id=<caseId>: the case's 审批单 laid out for A4 — its facts, the forms as
 * filled in, every opinion with signer and time, the outcome — to print or save as PDF.
 */
export async function approvalSheetView(main: HTMLElement): Promise<void> {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    replaceChildren(main, h('p', { class: 'error', role: 'alert' }, t('sheet.missingId')));
    return;
  }
  const sheet = await api<Sheet>('GET', `/api/cases/${encodeURIComponent(id)}/approval-sheet`);
  document.title = t('sheet.title', { process: sheet.processName });
  replaceChildren(
    main,
    h('div', { class: 'toolbar sheet-tools' }, h('button', { type: 'button', class: 'primary', id: 'print-sheet', onclick: () => window.print() }, t('sheet.print')), h('a', { href: `case.html?id=${encodeURIComponent(sheet.caseId)}` }, t('sheet.back'))),
    h(
      'article',
      { class: 'approval-sheet', dataset: { caseId: sheet.caseId } },
      h('h1', {}, t('sheet.title', { process: sheet.processName })),
      h('section', {}, h('h2', {}, t('sheet.facts')), facts(sheet)),
      ...sheet.sections.map((section) => h('section', { class: 'sheet-form', dataset: { step: section.stepId ?? 'application' } }, h('h2', {}, section.title ? t('sheet.stepForm', { step: section.title }) : t('sheet.application')), fieldTable(section.fields))),
      h('section', {}, h('h2', {}, t('sheet.opinions')), opinionTable(sheet)),
      h('p', { class: 'sheet-printed muted' }, t('sheet.printedAt', { at: chinaTime(new Date().toISOString()) })),
    ),
  );
}

function facts(sheet: Sheet): HTMLElement {
  const rows: Array<[string, string]> = [
    [t('sheet.receipt'), sheet.receiptNo],
    [t('sheet.caseTitle'), sheet.title],
    [t('sheet.process'), sheet.processName],
    [t('sheet.applicant'), personName(sheet.names, sheet.applicant)],
    [t('sheet.created'), chinaTime(sheet.createdAt)],
    [t('sheet.ended'), chinaTime(sheet.endedAt)],
    [t('sheet.status'), statusLabel(sheet.status)],
    [t('sheet.outcome'), sheet.outcome.join('、') || '—'],
  ];
  return h('table', { class: 'sheet-facts' }, h('tbody', {}, ...rows.map(([term, value]) => h('tr', {}, h('th', { scope: 'row' }, term), h('td', {}, value)))));
}

function fieldTable(fields: SheetField[]): HTMLElement {
  if (fields.length === 0) return h('p', { class: 'muted' }, t('sheet.noFields'));
  return h('table', { class: 'sheet-fields' }, h('tbody', {}, ...fields.map((field) => h('tr', { dataset: { field: field.name } }, h('th', { scope: 'row' }, field.label), h('td', {}, valueText(field))))));
}

/** A field's value in words: 是/否, an option's label, a list joined by 、. */
function valueText(field: SheetField): string {
  const one = (value: unknown): string => {
    if (typeof value === 'boolean') return t(value ? 'sheet.yes' : 'sheet.no');
    if (typeof value === 'string') return field.optionLabels?.[value] ?? value;
    return value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return Array.isArray(field.value) ? field.value.map(one).join('、') : one(field.value);
}

function opinionTable(sheet: Sheet): HTMLElement {
  if (sheet.opinions.length === 0) return h('p', { class: 'muted' }, t('sheet.noOpinions'));
  const head = ['sheet.col.step', 'sheet.col.decision', 'sheet.col.opinion', 'sheet.col.signer', 'sheet.col.at'];
  return h(
    'table',
    { class: 'sheet-opinions' },
    h('thead', {}, h('tr', {}, ...head.map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, ...sheet.opinions.map((opinion) => h('tr', { dataset: { step: opinion.stepId } }, h('td', {}, opinion.stepName), h('td', {}, opinion.decision ? decisionLabel(opinion.decision) : '—'), h('td', {}, opinion.text ?? ''), h('td', {}, personName(sheet.names, opinion.by)), h('td', {}, chinaTime(opinion.at))))),
  );
}
