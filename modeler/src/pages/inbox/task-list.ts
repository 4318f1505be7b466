import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { handlerName, personName, type Names } from '../../shared/names';
import type { CaseView } from '../case/case-types';
import { urgencyCard } from './clock-view';
import type { CaseScope, ClockState, Scope, TaskItem, TaskScope } from './inbox-types';
import { decisionLabel, limitLabel, statusLabel, timeLeftLabel } from './work-labels';

const rank: Record<ClockState | 'none', number> = { overdue: 0, warning: 1, running: 2, paused: 3, none: 4 };

/** Most urgent first: overdue, due soon, running by due time, paused, then tasks without a limit, oldest first. */
export function byUrgency(a: TaskItem, b: TaskItem): number {
  const due = (task: TaskItem) => (task.due ? new Date(task.due).getTime() : Number.POSITIVE_INFINITY);
  return rank[a.urgency ?? 'none'] - rank[b.urgency ?? 'none'] || due(a) - due(b) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
}

/** The tabs of the lists, each with its true total (… while it is not known yet). */
export function scopeTabs(scopes: readonly Scope[], counts: Partial<Record<Scope, number>>, current: Scope, choose: (scope: Scope) => void): HTMLElement {
  const tab = (scope: Scope) =>
    h(
      'button',
      { type: 'button', role: 'tab', class: `tab${scope === current ? ' active' : ''}`, 'aria-selected': String(scope === current), dataset: { scope }, onclick: () => choose(scope) },
      t(`inbox.tab.${scope}`, { count: counts[scope] ?? '…' }),
    );
  return h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('inbox.tabs') }, ...scopes.map(tab));
}

/** The empty line of a list: nothing at all, or nothing the search finds. */
export function emptyList(scope: Scope, searching: boolean): HTMLElement {
  return h('p', { class: 'empty', id: 'inbox-empty' }, t(searching ? 'inbox.empty.search' : `inbox.empty.${scope}`));
}

/** One list of tasks as a table: open ones coloured by urgency, done ones with their decision; opening a row shows the task beside it. */
export function taskTable(tasks: TaskItem[], names: Names, scope: TaskScope, selected: string | null, open: (id: string) => void): HTMLElement {
  const done = scope === 'done';
  const head = done ? ['inbox.col.case', 'inbox.col.step', 'inbox.col.decision', 'inbox.col.completed'] : ['inbox.col.case', 'inbox.col.step', 'inbox.col.handler', 'inbox.col.received', 'inbox.col.due', 'inbox.col.state'];
  const rows = done ? tasks.map((task) => doneRow(task, names, task.id === selected, open)) : [...tasks].sort(byUrgency).map((task) => taskRow(task, names, task.id === selected, open));
  return h('table', { class: 'grid tasks', dataset: { scope } }, h('thead', {}, h('tr', {}, ...head.map((key) => h('th', {}, t(key))))), h('tbody', {}, ...rows));
}

/** 我发起的 and 抄送我的: cases, each opening in the case viewer, with where they stand now. */
export function caseTable(cases: CaseView[], processNames: Record<string, string>, scope: CaseScope): HTMLElement {
  const head = ['inbox.col.case', 'inbox.col.process', 'inbox.col.current', 'inbox.col.caseStatus', 'inbox.col.opened'];
  return h(
    'table',
    { class: 'grid cases', dataset: { scope } },
    h('thead', {}, h('tr', {}, ...head.map((key) => h('th', {}, t(key))))),
    h(
      'tbody',
      {},
      ...cases.map((item) =>
        h(
          'tr',
          { class: 'case-row', dataset: { caseId: item.id, receipt: item.receiptNo } },
          h('td', {}, h('a', { href: `case.html?id=${encodeURIComponent(item.id)}`, class: 'open-case' }, item.title), h('div', { class: 'muted receipt' }, item.receiptNo)),
          h('td', {}, processNames[item.processKey] ?? item.processKey),
          h('td', {}, item.currentSteps.length > 0 ? item.currentSteps.map((step) => step.name).join('、') : h('span', { class: 'muted' }, '—')),
          h('td', {}, statusLabel(item.status)),
          h('td', {}, chinaTime(item.createdAt)),
        ),
      ),
    ),
  );
}

function openLink(task: TaskItem, open: (id: string) => void): HTMLElement {
  return h(
    'a',
    {
      href: `inbox.html?task=${encodeURIComponent(task.id)}`,
      class: 'open-task',
      onclick: (event: MouseEvent) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        open(task.id);
      },
    },
    task.caseTitle,
  );
}

function doneRow(task: TaskItem, names: Names, selected: boolean, open: (id: string) => void): HTMLElement {
  return h(
    'tr',
    { class: `task-row${selected ? ' selected' : ''}`, dataset: { taskId: task.id, receipt: task.receiptNo } },
    h('td', {}, openLink(task, open), h('div', { class: 'muted receipt' }, task.receiptNo)),
    h('td', {}, task.name, task.signer ? h('div', { class: 'muted' }, handlerName(names, task.signer)) : null),
    h('td', {}, task.decision ? decisionLabel(task.decision) : statusLabel(task.status)),
    h('td', {}, chinaTime(task.completedAt)),
  );
}

function taskRow(task: TaskItem, names: Names, selected: boolean, open: (id: string) => void): HTMLElement {
  const urgency = task.urgency ?? 'none';
  return h(
    'tr',
    { class: `task-row urgency-${urgency}${selected ? ' selected' : ''}`, dataset: { taskId: task.id, receipt: task.receiptNo, urgency } },
    h('td', {}, openLink(task, open), h('div', { class: 'muted receipt' }, task.receiptNo)),
    h('td', {}, task.name, task.signer ? h('div', { class: 'muted' }, handlerName(names, task.signer)) : null),
    h('td', {}, task.assignee ? personName(names, task.assignee) : h('span', { class: 'muted' }, candidatesOf(task, names))),
    h('td', {}, chinaTime(task.createdAt)),
    h('td', { class: 'due' }, task.due ? chinaTime(task.due) : h('span', { class: 'muted' }, t('inbox.noLimit')), task.clock ? h('div', { class: 'muted' }, limitLabel(task.clock.limit)) : null),
    h('td', { class: 'state' }, urgencyCard(task.urgency, task.clock), task.clock ? h('div', { class: 'muted' }, timeLeftLabel(task.clock.timeLeftMs)) : null),
  );
}

/** Who may claim a task nobody holds, by name: its groups, else its candidate users. */
export function candidatesOf(task: TaskItem, names: Names): string {
  const handlers = task.candidateGroups.length > 0 ? task.candidateGroups : task.candidateUsers;
  return handlers.map((handler) => handlerName(names, handler)).join('、');
}
