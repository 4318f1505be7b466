import { h, replaceChildren } from './dom';
import { registerMessages, t } from './i18n';

registerMessages({ 'confirm.send': { 'zh-CN': '确认提交', en: 'Confirm' } });

export interface ConfirmStep {
  /** Shown above the send button while the question is asked. */
  element: HTMLElement;
  /** The first press asks `question` and turns the button into 确认提交 (answers false); the next one is the confirmation (true). */
  confirmed(...question: Array<Node | string>): boolean;
  /** Asks again from the start: after a change, a refusal, or 返回修改. */
  reset(): void;
}

/**
 * The second press a send button needs for what cannot be taken back (a decisive decision, 退回, ending a notice):
 * the question appears beside the button, whose label says the next press sends.
 */
export function confirmStep(submit: HTMLButtonElement, className: string): ConfirmStep {
  const label = submit.textContent ?? '';
  const element = h('div', { class: className, role: 'alert', hidden: true });
  let asked = false;
  return {
    element,
    confirmed(...question) {
      if (asked) return true;
      asked = true;
      replaceChildren(element, ...question);
      element.hidden = false;
      submit.textContent = t('confirm.send');
      return false;
    },
    reset() {
      asked = false;
      element.hidden = true;
      submit.textContent = label;
    },
  };
}
