import './work-messages';
import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { ClockState, ClockView } from './inbox-types';
import { clockStateLabel, limitLabel, timeLeftLabel } from './work-labels';

/** The coloured card of a clock's state: green running, yellow warning, red overdue, grey paused. */
export function urgencyCard(state: ClockState | null, clock: ClockView | null): HTMLElement {
  const title = clock ? timeLeftLabel(clock.timeLeftMs) : undefined;
  return h('span', { class: `card ${state ?? 'none'}`, dataset: { urgency: state ?? 'none' }, title }, clockStateLabel(state));
}

/** A clock in full: limit, start, due, warning, time left, pauses and extensions, the paused state. */
export function clockDetails(clock: ClockView): HTMLElement {
  const rows: Array<[string, Node | string]> = [
    [t('work.clock.limit'), limitLabel(clock.limit)],
    [t('work.clock.started'), chinaTime(clock.startedAt)],
    [t('work.clock.due'), clock.paused ? t('work.clock.pausedNow') : chinaTime(clock.due)],
  ];
  if (clock.warnAt) rows.push([t('work.clock.warnAt'), chinaTime(clock.warnAt)]);
  rows.push([t('work.clock.timeLeft'), h('span', {}, urgencyCard(clock.state, clock), ' ', timeLeftLabel(clock.timeLeftMs))]);
  if (clock.pauses.length > 0) {
    const pauses = clock.pauses.map((pause) => h('li', {}, `${chinaTime(pause.from)} – ${pause.to ? chinaTime(pause.to) : t('work.clock.open')}`, pause.reason ? `（${pause.reason}）` : ''));
    rows.push([t('work.clock.pauses'), h('ul', { class: 'plain' }, ...pauses)]);
  }
  if (clock.extensions.length > 0) {
    const extensions = clock.extensions.map((extension) => h('li', {}, `${extension.added} · ${extension.by} · ${chinaTime(extension.at)}：${extension.reason}`));
    rows.push([t('work.clock.extensions'), h('ul', { class: 'plain' }, ...extensions)]);
  }
  return h('dl', { class: `clock-details ${clock.state}`, dataset: { state: clock.state } }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
