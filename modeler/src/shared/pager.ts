import { h } from './dom';
import { registerMessages, t } from './i18n';

registerMessages({
  'pager.label': { 'zh-CN': '分页', en: 'Pages' },
  'pager.prev': { 'zh-CN': '上一页', en: 'Previous' },
  'pager.next': { 'zh-CN': '下一页', en: 'Next' },
  'pager.info': { 'zh-CN': '第 {page} / {pages} 页，共 {total} 条', en: 'Page {page} of {pages}, {total} in all' },
});

/** Previous / next with "page x of y, n in all"; always shown, so the true total is visible. Used by every paged list of the pages. */
export function pager(page: number, pageSize: number, total: number, go: (page: number) => void): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h(
    'nav',
    { class: 'toolbar pager', 'aria-label': t('pager.label') },
    h('button', { type: 'button', class: 'pager-prev', disabled: page <= 1, onclick: () => go(page - 1) }, t('pager.prev')),
    h('span', { class: 'pager-info' }, t('pager.info', { page, pages, total })),
    h('button', { type: 'button', class: 'pager-next', disabled: page >= pages, onclick: () => go(page + 1) }, t('pager.next')),
  );
}
