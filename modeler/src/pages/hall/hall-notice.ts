import { h } from '../../shared/dom';

let pending: string | null = null;

/** Goes to a view of the hall with a message to show at its top (申请已提交…). */
export function goTo(address: string, notice: string): void {
  pending = notice;
  location.hash = address;
}

/** The message left for the view now shown, once. */
export function takeNotice(): HTMLElement | null {
  const notice = pending;
  pending = null;
  return notice ? h('p', { class: 'hall-notice', role: 'status' }, notice) : null;
}
