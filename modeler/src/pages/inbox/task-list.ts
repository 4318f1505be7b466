import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { handlerName, personName, type Names } from '../../shared/names';
import { urgencyCard } from './clock-view';
import type { ClockState, Scope, TaskItem } from './inbox-types';
import { limitLabel, timeLeftLabel } from './work-labels';

const rank: Record<ClockState | 'none', number> = { overdue: 0, warning: 1, running: 2, paused: 3, none: 4 };

/** Most urgent first: overdue, due soon, running by due time, paused, then tasks without a limit, oldest first. */
export function byUrgency(a: TaskItem, b: TaskItem): number {
  const due = (task: TaskItem) => (task.due ? new Date(task.due).getTime() : Number.POSITIVE_INFINITY);
  return rank[a.urgency ?? 'none'] - rank[b.urgency ?? 'none'] || due(a) - due(b) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
}

/** The tabs of the two lists, with their counts. */
export function scopeTabs(counts: Record<Scope, number>, current: Scope, choose: (scope: Scope) => void): HTMLElement {
  const tab = (scope: Scope) =>
    h('button', { type: 'button', role: 'tab', class: `tab${scope === current ? ' active' : ''}`, 'aria-selected': String(scope === current), dataset: { scope }, onclick: () => choose(scope) }, t(`inbox.tab.${scope}`, { count: counts[scope] }));
  return h('div', { class: 'tabs', role: 'tablist' }, tab('mine'), tab('claimable'));
}

/** One list of tasks as a table, coloured by urgency; opening a row shows the task beside it. */
export function taskTable(tasks: TaskItem[], names: Names, scope: Scope, selected: string | null, open: (id: string) => void): HTMLElement {
  if (tasks.length === 0) return h('p', { class: 'empty', id: 'inbox-empty' }, t(`inbox.empty.${scope}`));
  const head = ['inbox.col.case', 'inbox.col.step', 'inbox.col.handler', 'inbox.col.received', 'inbox.col.due', 'inbox.col.state'];
  return h(
    'table',
    { class: 'grid tasks', dataset: { scope } },
    h('thead', {}, h('tr', {}, ...head.map((key) => h('th', {}, t(key))))),
    h('tbody', {}, ...[...tasks].sort(byUrgency).map((task) => taskRow(task, names, task.id === selected, open))),
  );
}

function taskRow(task: TaskItem, names: Names, selected: boolean, open: (id: string) => void): HTMLElement {
  const urgency = task.urgency ?? 'none';
  const link = h(
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
  return h(
    'tr',
    { class: `task-row urgency-${urgency}${selected ? ' selected' : ''}`, dataset: { taskId: task.id, receipt: task.receiptNo, urgency } },
    h('td', {}, link, h('div', { class: 'muted receipt' }, task.receiptNo)),
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
