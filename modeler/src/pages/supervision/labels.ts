import { h } from '../../shared/dom';
import { labelOr, t } from '../../shared/i18n';
import type { Alert, AlertKind, AlertLevel, AlertStatus, NoticeStatus } from './types';

/** How the board names levels, kinds, states and figures, in the current language. */

export const alertLevels: AlertLevel[] = ['yellow', 'red'];
export const alertStatuses: AlertStatus[] = ['open', 'resolved', 'closed'];
export const alertKinds: AlertKind[] = ['case', 'step', 'notice', 'compliance'];

/** The 黄牌 / 红牌 badge. */
export function levelBadge(level: AlertLevel): HTMLElement {
  return h('span', { class: `card ${level}`, dataset: { level } }, t(`sup.level.${level}`));
}

export function statusText(alert: Pick<Alert, 'status' | 'workDone' | 'level'>): string {
  // A red card stays open after its late work is done, until the office closes it.
  if (alert.status === 'open' && alert.level === 'red' && alert.workDone) return t('sup.status.doneLate');
  return t(`sup.status.${alert.status}`);
}

/** What the card is about: its step, the case, a notice reply, or the compliance rule broken. */
export function subjectText(alert: Alert): string {
  if (alert.kind === 'compliance') return `${t('sup.kind.compliance')}：${ruleText(alert.rule)}`;
  if (alert.kind === 'case') return t('sup.kind.case');
  if (alert.kind === 'notice') return t(alert.rule === 'rating-follow-up' ? 'sup.kind.followUp' : 'sup.kind.notice');
  return alert.stepName ?? t('sup.kind.step');
}

export function ruleText(rule: string | null): string {
  return rule ? labelOr(`sup.rule.${rule}`, rule) : '—';
}

export function noticeStatusBadge(status: NoticeStatus, overdue: boolean): HTMLElement {
  const tones: Record<NoticeStatus, string> = { 'awaiting-reply': overdue ? 'red' : 'yellow', replied: 'running', 'replied-late': 'red', accepted: 'running', closed: 'paused' };
  const tone = tones[status];
  const text = status === 'awaiting-reply' && overdue ? t('sup.notice.status.overdue') : t(`sup.notice.status.${status}`);
  return h('span', { class: `card ${tone}`, dataset: { status } }, text);
}

/** A department id or process key; the figures' "no department yet" group by name. */
/** A department or process by its name when the answer gives one, else by its code. */
export function groupText(group: string | null, name?: string | null): string {
  if (group === null) return '—';
  return group === '(none)' ? t('sup.group.none') : (name ?? group);
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

export function workingDays(days: number | null): string {
  return days === null ? '—' : t('sup.figures.days', { days: days.toFixed(1).replace(/\.0$/, '') });
}
