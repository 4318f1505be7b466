import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';

/** Previous / next with "page x of y, n in all"; always shown, so the total is visible. */
export function pager(page: number, pageSize: number, total: number, go: (page: number) => void): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h(
    'nav',
    { class: 'toolbar sup-pager', 'aria-label': t('sup.pager.label') },
    h('button', { type: 'button', class: 'sup-prev', disabled: page <= 1, onclick: () => go(page - 1) }, t('sup.pager.prev')),
    h('span', { class: 'sup-page-info' }, t('sup.pager.info', { page, pages, total })),
    h('button', { type: 'button', class: 'sup-next', disabled: page >= pages, onclick: () => go(page + 1) }, t('sup.pager.next')),
  );
}
