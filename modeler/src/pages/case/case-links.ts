import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseView } from './case-types';

/**
 * What else the case is tied to: the case that called it, the cases its call activities run,
 * and the steps other departments' systems are doing (external tasks); null when none.
 */
export function caseLinks(view: CaseView): HTMLElement | null {
  const items: HTMLElement[] = [];
  const link = (caseId: string, text: string) => h('a', { href: `case.html?id=${encodeURIComponent(caseId)}` }, text);
  if (view.parent) items.push(h('li', { class: 'parent-case' }, t('case.links.parent'), ' ', link(view.parent.caseId, view.parent.receiptNo)));
  for (const child of view.children) items.push(h('li', { class: 'child-case' }, t('case.links.child', { step: child.name }), ' ', link(child.caseId, t('case.links.open'))));
  for (const step of view.externalSteps) {
    const state = step.lockedBy ? t('case.links.externalLocked', { by: step.lockedBy }) : t('case.links.externalWaiting');
    items.push(h('li', { class: 'external-step' }, t('case.links.external', { step: step.name }), ' ', h('span', { class: 'muted' }, step.lastFailure ? `${state}；${t('case.links.lastFailure', { message: step.lastFailure })}` : state)));
  }
  return items.length > 0 ? h('ul', { class: 'case-links' }, ...items) : null;
}
