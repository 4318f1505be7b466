import { ApiError } from '../../shared/api-client';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { reasonText } from '../../shared/server-messages';

/**
 * Where a form shows its problems: one slot per field, keyed by the JSON pointer the API names
 * (`/data/amount`, `/decision`, `/reason`), and one general slot for everything else.
 */
export class FieldErrors {
  readonly #slots = new Map<string, HTMLElement>();

  constructor(readonly general: HTMLElement) {}

  /** A slot for the field at `path`, to place right below its input. */
  slot(path: string): HTMLElement {
    const slot = h('p', { class: 'field-error', role: 'alert', dataset: { errorFor: path } });
    this.#slots.set(path, slot);
    return slot;
  }

  clear(): void {
    for (const slot of this.#slots.values()) this.#mark(slot, []);
    replaceChildren(this.general);
  }

  /** Shows one message next to its field; answers false when the form has no such field. */
  show(path: string, message: string): boolean {
    const slot = this.#find(path);
    if (!slot) return false;
    this.#mark(slot, [...(slot.textContent ? [slot.textContent] : []), message]);
    return true;
  }

  /** Shows an API failure, in the page's language where the server's words have a translation: field problems next to their fields, the rest in the general slot. */
  showError(error: unknown): void {
    this.clear();
    if (!(error instanceof ApiError)) {
      this.showGeneral(String(error));
      return;
    }
    const unplaced = error.errors.filter((item) => !(item.path && this.show(item.path, reasonText(item, item.message))));
    const placed = error.errors.length - unplaced.length;
    const message = [placed > 0 && unplaced.length === 0 ? t('inbox.form.fixErrors') : reasonText(error.why, error.detail), ...unplaced.map((item) => `${item.path ?? ''} ${reasonText(item, item.message)}`.trim())].join('；');
    this.showGeneral(message);
  }

  showGeneral(message: string): void {
    replaceChildren(this.general, h('p', { class: 'error', role: 'alert' }, t('inbox.failed', { message })));
  }

  /** The slot of `path` or of the nearest field above it (`/users/0` → `/users`). */
  #find(path: string): HTMLElement | undefined {
    for (let candidate = path; candidate.length > 0; candidate = candidate.slice(0, candidate.lastIndexOf('/'))) {
      const slot = this.#slots.get(candidate);
      if (slot) return slot;
    }
    return undefined;
  }

  #mark(slot: HTMLElement, messages: string[]): void {
    slot.textContent = messages.join('；');
    const field = slot.closest('.field');
    field?.classList.toggle('has-error', messages.length > 0);
    field?.querySelector('input, select, textarea')?.setAttribute('aria-invalid', String(messages.length > 0));
  }
}
