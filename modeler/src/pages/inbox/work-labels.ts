import { chinaTime } from '../../shared/dom';
import { labelOr, t } from '../../shared/i18n';
import './work-messages';
import type { ClockState } from './inbox-types';

/** A decision as staff read it: 受理 for accept; unknown decisions as written in the model. */
export function decisionLabel(decision: string): string {
  return labelOr(`work.decision.${decision}`, decision);
}

/** How the application came to be accepted, and since when: by the window, or deemed so (许可法§32). */
export function acceptanceLabel(acceptance: { kind: 'accepted' | 'deemed'; at: string }): string {
  return t(`work.acceptance.${acceptance.kind}`, { at: chinaTime(acceptance.at) });
}

export function statusLabel(status: string): string {
  return labelOr(`work.status.${status}`, status);
}

export function clockStateLabel(state: ClockState | null): string {
  return t(state ? `work.clock.${state}` : 'work.clock.none');
}

/** A model's time limit in words: 5WD → 5个工作日. */
export function limitLabel(limit: string): string {
  const match = /^(\d+)(WD|D|H)$/.exec(limit);
  return match ? t(`work.limit.${match[2]}`, { n: match[1] }) : limit;
}

/** A span of time in days, hours and minutes, the two largest units: 2天3小时. */
export function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days > 0 ? t('work.unit.day', { n: days }) : '',
    hours > 0 ? t('work.unit.hour', { n: hours }) : '',
    days === 0 && rest > 0 ? t('work.unit.minute', { n: rest }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.slice(0, 2).join('') : t('work.unit.minute', { n: 0 });
}

/** Time left on a clock, or how far past due it is. */
export function timeLeftLabel(ms: number | null): string {
  if (ms === null) return t('work.clock.pausedNow');
  return ms >= 0 ? t('work.clock.left', { time: duration(ms) }) : t('work.clock.over', { time: duration(ms) });
}
