import { ApiError, type Session } from '../../shared/api-client';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { showError } from '../../shared/layout';
import { pager as pagerOf } from '../../shared/pager';
import { getTask, listCases, listTasks, processNames, type TaskOperation } from './inbox-api';
import { isCaseScope, type Scope } from './inbox-types';
import { showLoading, taskDetail } from './task-detail';
import { caseTable, emptyList, scopeTabs, taskTable } from './task-list';
import { isSearching, readSearch, workSearchForm, writeSearch, type SearchValues } from './work-search-form';
import { problemWords } from '../../shared/server-messages';

/** How many rows a page of a list shows. */
const pageSize = 50;

/** The lists in the order of their tabs; 本部门在办 for leaders only. */
function scopesOf(session: Session): Scope[] {
  return ['mine', 'claimable', ...(session.roles.includes('leader') ? (['department'] as const) : []), 'done', 'started', 'copied'];
}

/**
 * The inbox: 我的待办, 待签收, 本部门在办 (leaders), 已办, 我发起的 and 抄送我的 in tabs, each with its
 * true total and paged through, searched by one box, and the opened task beside them. The address
 * keeps the state (`?scope=claimable&title=…&task=<id>`), so a list or a task can be linked and reloaded.
 */
export async function inboxView(main: HTMLElement, session: Session): Promise<void> {
  const scopes = scopesOf(session);
  const parse = (params: URLSearchParams): Scope => scopes.find((candidate) => candidate === params.get('scope')) ?? 'mine';
  const params = new URLSearchParams(location.search);
  let scope = parse(params);
  let search: SearchValues = readSearch(params);
  let selected: string | null = params.get('task');
  let page = 1;
  /** The done list's cursors: where page n starts is cursors[n - 1]. */
  let cursors: Array<string | undefined> = [undefined];
  let counts: Partial<Record<Scope, number>> = {};
  let processes: Array<{ key: string; name: string }> = [];

  const tabs = h('div', { class: 'inbox-tabs' });
  const table = h('div', { class: 'inbox-table', id: 'inbox-list', 'aria-live': 'polite' });
  const searchBox = h('div', { class: 'inbox-search' });
  const flash = h('div', { class: 'flash', role: 'status', 'aria-live': 'polite' });
  const detail = h('div', { class: 'inbox-detail panel', id: 'task-detail' });
  const listColumn = h('section', { class: 'inbox-list' }, h('div', { class: 'toolbar' }, h('h1', {}, t('inbox.title')), h('button', { type: 'button', id: 'refresh-inbox', onclick: () => void refresh() }, t('inbox.refresh'))), searchBox, tabs, table);
  const layout = h('div', { class: 'inbox-layout' }, listColumn, h('aside', { class: 'inbox-side', 'aria-label': t('inbox.detail.label') }, flash, detail));
  replaceChildren(main, layout);

  const syncAddress = (push: boolean) => {
    const next = new URLSearchParams();
    if (scope !== 'mine') next.set('scope', scope);
    writeSearch(next, search);
    if (selected) next.set('task', selected);
    const url = `${location.pathname}${next.size > 0 ? `?${next}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const renderSearch = () =>
    replaceChildren(
      searchBox,
      workSearchForm(search, processes, (next) => {
        search = next;
        syncAddress(false);
        void showScope(scope);
      }),
    );

  const renderTabs = () => replaceChildren(tabs, scopeTabs(scopes, counts, scope, (next) => void showScope(next)));

  /** The query of one page: the search, and the page by offset (or, for the done list, by cursor). */
  const pageQuery = (limit: number, at: number) => {
    const query = new URLSearchParams();
    writeSearch(query, search);
    query.set('limit', String(limit));
    if (scope === 'done') {
      if (cursors[at - 1]) query.set('cursor', cursors[at - 1] as string);
    } else query.set('offset', String((at - 1) * pageSize));
    return query;
  };

  /** Loads the current page of the current list; a loading line, never an empty one, until it is there. */
  async function loadPage(): Promise<void> {
    const shown = scope;
    table.setAttribute('aria-busy', 'true');
    replaceChildren(table, h('p', { class: 'notice loading', id: 'inbox-loading' }, t('inbox.loading')));
    try {
      const body = await listPage(shown, pageQuery(pageSize, page));
      if (shown !== scope) return;
      counts = { ...counts, [shown]: body.total };
      renderTabs();
      replaceChildren(table, body.table, pager(body.total, body.nextCursor));
    } catch (error) {
      showError(table, error);
    } finally {
      table.removeAttribute('aria-busy');
    }
  }

  async function listPage(shown: Scope, query: URLSearchParams): Promise<{ table: HTMLElement; total: number; nextCursor?: string | null }> {
    const processName = Object.fromEntries(processes.map((definition) => [definition.key, definition.name]));
    if (isCaseScope(shown)) {
      const list = await listCases(shown, query);
      return { total: list.total, table: list.items.length === 0 ? emptyList(shown, isSearching(search)) : caseTable(list.items, processName, shown) };
    }
    const list = await listTasks(shown, query);
    return { total: list.total, nextCursor: list.nextCursor, table: list.items.length === 0 ? emptyList(shown, isSearching(search)) : taskTable(list.items, list.names, shown, selected, (id) => void openTask(id, true)) };
  }

  const pager = (total: number, nextCursor: string | null | undefined) =>
    pagerOf(page, pageSize, total, (next) => {
      if (scope === 'done' && next > page) cursors[next - 1] = nextCursor ?? undefined;
      page = next;
      void loadPage();
    });

  /** The other tabs' totals, under the same search: one item each, so the counts are true and cheap. */
  async function loadCounts(): Promise<void> {
    const others = scopes.filter((other) => other !== scope);
    const totals = await Promise.all(others.map(async (other) => [other, (await (isCaseScope(other) ? listCases(other, countQuery()) : listTasks(other, countQuery()))).total] as const));
    counts = { ...counts, ...Object.fromEntries(totals) };
    renderTabs();
  }

  const countQuery = () => {
    const query = new URLSearchParams();
    writeSearch(query, search);
    query.set('limit', '1');
    return query;
  };

  async function showScope(next: Scope): Promise<void> {
    scope = next;
    page = 1;
    cursors = [undefined];
    syncAddress(false);
    renderTabs();
    await Promise.all([loadPage(), loadCounts().catch(() => undefined)]);
  }

  async function openTask(id: string | null, push: boolean): Promise<void> {
    if (id !== selected) replaceChildren(flash);
    selected = id;
    syncAddress(push);
    for (const row of table.querySelectorAll<HTMLElement>('tr.task-row')) row.classList.toggle('selected', row.dataset.taskId === id);
    layout.classList.toggle('with-detail', selected !== null);
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
    replaceChildren(flash, h('p', { class: 'error', role: 'alert' }, t('inbox.failed', { message: error instanceof ApiError ? problemWords(error) : String(error) })));
    void refresh();
  }

  async function refresh(): Promise<void> {
    await Promise.all([loadPage(), loadCounts().catch(() => undefined), openTask(selected, false)]);
  }

  window.addEventListener('popstate', () => {
    const now = new URLSearchParams(location.search);
    search = readSearch(now);
    renderSearch();
    void showScope(parse(now));
    void openTask(now.get('task'), false);
  });

  renderTabs();
  renderSearch();
  processes = await processNames().catch(() => []);
  renderSearch();
  await refresh();
}
