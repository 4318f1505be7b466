import { ApiError, type Session } from '../../shared/api-client';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { showError } from '../../shared/layout';
import { getTask, listTasks, type TaskOperation } from './inbox-api';
import { noNames } from '../../shared/names';
import type { Scope, TaskList } from './inbox-types';
import { showLoading, taskDetail } from './task-detail';
import { scopeTabs, taskTable } from './task-list';

/**
 * The inbox: tasks I hold and tasks I may claim in two tabs, and the opened task beside them.
 * The address keeps the state (`?scope=claimable&task=<id>`), so a task can be linked and reloaded.
 */
export async function inboxView(main: HTMLElement, session: Session): Promise<void> {
  const params = new URLSearchParams(location.search);
  let scope: Scope = params.get('scope') === 'claimable' ? 'claimable' : 'mine';
  let selected: string | null = params.get('task');
  let lists: Record<Scope, TaskList> = { mine: { items: [], names: noNames }, claimable: { items: [], names: noNames } };

  const tabs = h('div', { class: 'inbox-tabs' });
  const table = h('div', { class: 'inbox-table', id: 'inbox-list' });
  const flash = h('div', { class: 'flash', role: 'status', 'aria-live': 'polite' });
  const detail = h('div', { class: 'inbox-detail panel', id: 'task-detail' });
  const listColumn = h('section', { class: 'inbox-list' }, h('div', { class: 'toolbar' }, h('h1', {}, t('inbox.title')), h('button', { type: 'button', id: 'refresh-inbox', onclick: () => void refresh() }, t('inbox.refresh'))), tabs, table);
  const layout = h('div', { class: 'inbox-layout' }, listColumn, h('aside', { class: 'inbox-side' }, flash, detail));
  replaceChildren(main, layout);

  const syncAddress = (push: boolean) => {
    const next = new URLSearchParams();
    if (scope !== 'mine') next.set('scope', scope);
    if (selected) next.set('task', selected);
    const url = `${location.pathname}${next.size > 0 ? `?${next}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const renderLists = () => {
    replaceChildren(tabs, scopeTabs({ mine: lists.mine.items.length, claimable: lists.claimable.items.length }, scope, (next) => ((scope = next), syncAddress(false), renderLists())));
    replaceChildren(table, taskTable(lists[scope].items, lists[scope].names, scope, selected, (id) => void openTask(id, true)));
    layout.classList.toggle('with-detail', selected !== null);
  };

  async function refreshLists(): Promise<void> {
    const [mine, claimable] = await Promise.all([listTasks('mine'), listTasks('claimable')]);
    lists = { mine, claimable };
    renderLists();
  }

  async function openTask(id: string | null, push: boolean): Promise<void> {
    if (id !== selected) replaceChildren(flash);
    selected = id;
    syncAddress(push);
    renderLists();
    if (!id) {
      replaceChildren(detail, h('p', { class: 'notice' }, t('inbox.select')));
      return;
    }
    showLoading(detail);
    try {
      const task = await getTask(id);
      const delegated = task.status === 'open' && task.delegatedBy !== null && task.assignee === session.username;
      if (selected !== id) return;
      replaceChildren(detail, taskDetail(task, session, delegated, { changed, failed, close: () => void openTask(null, true) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) replaceChildren(detail, h('p', { class: 'notice gone' }, t('inbox.detail.gone')));
      else showError(detail, error);
    }
  }

  /** After an operation: the lists and the task again, then the confirmation, so what it says is already on screen. */
  function changed(operation: TaskOperation): void {
    replaceChildren(flash);
    void refresh().then(() => replaceChildren(flash, h('p', { class: 'done', dataset: { operation } }, t(`inbox.done.${operation}`))));
  }

  /** An operation outside a dialog failed (a task someone else just claimed): say why, and show the present state. */
  function failed(error: unknown): void {
    replaceChildren(flash, h('p', { class: 'error', role: 'alert' }, t('inbox.failed', { message: error instanceof ApiError ? error.detail : String(error) })));
    void refresh();
  }

  async function refresh(): Promise<void> {
    await Promise.all([refreshLists().catch((error: unknown) => showError(table, error)), openTask(selected, false)]);
  }

  window.addEventListener('popstate', () => {
    const now = new URLSearchParams(location.search);
    scope = now.get('scope') === 'claimable' ? 'claimable' : 'mine';
    void openTask(now.get('task'), false);
  });
  await refresh();
}
