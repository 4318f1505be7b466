import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { pager } from '../../shared/pager';
import { problemText } from './problem';

/** A page of a list as the supervision endpoints answer it. */
export interface ListPage<Item> {
  items: Item[];
  total: number;
}

export interface PagedListOptions<Item> {
  /** The list element's class, for styling and tests. */
  className: string;
  pageSize: number;
  /** Fetches page `page` (from 1). */
  fetch(page: number, pageSize: number): Promise<ListPage<Item>>;
  /** Shown, instead of the table, when there is nothing at all. */
  emptyText: string;
  /** The table of one page's items. */
  table(items: Item[]): HTMLElement;
}

export interface PagedList {
  element: HTMLElement;
  /** Fetches the current page again, e.g. after an action changed the list. */
  reload(): Promise<void>;
}

/**
 * A list the board reads a page at a time — the 故障 and 无人办理 tabs: busy while it loads,
 * the table or an empty line, the pager with the total, or the server's refusal. Loads page 1 at once.
 */
export function pagedList<Item>(options: PagedListOptions<Item>): PagedList {
  let page = 1;
  const element = h('div', { class: options.className, 'aria-live': 'polite' });

  async function reload(): Promise<void> {
    element.setAttribute('aria-busy', 'true');
    try {
      const answer = await options.fetch(page, options.pageSize);
      replaceChildren(
        element,
        answer.items.length === 0 ? h('p', { class: 'empty sup-empty' }, options.emptyText) : options.table(answer.items),
        pager(page, options.pageSize, answer.total, (next) => ((page = next), void reload())),
      );
    } catch (error) {
      replaceChildren(element, h('p', { class: 'error', role: 'alert' }, t('sup.refused', { message: problemText(error) })));
    } finally {
      element.removeAttribute('aria-busy');
    }
  }

  void reload();
  return { element, reload };
}
