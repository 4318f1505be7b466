import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { pagedList } from './paged-list';
import { listUnstaffedTasks } from './supervision-api';
import type { UnstaffedTask } from './types';

const pageSize = 20;
const day = 24 * 60 * 60 * 1000;

/**
 * 无人办理 (unstaffed tasks): open tasks of running cases that nobody in the user directory can
 * act on now — the groups they name are held by nobody, the users they name do not exist — the
 * oldest first, with how long each has waited, so the supervision office can have users added or
 * the task transferred before the case runs out of time.
 */
export function unstaffedPanel(): HTMLElement {
  const list = pagedList({ className: 'sup-unstaffed-list', pageSize, fetch: listUnstaffedTasks, emptyText: t('sup.unstaffed.empty'), table: unstaffedTable });
  return h('section', { class: 'sup-unstaffed' }, h('p', { class: 'muted sup-unstaffed-intro' }, t('sup.unstaffed.intro')), list.element);
}

function unstaffedTable(tasks: UnstaffedTask[]): HTMLElement {
  const head = ['case', 'step', 'names', 'opened', 'waited'];
  return h(
    'table',
    { class: 'grid sup-unstaffed-table' },
    h('thead', {}, h('tr', {}, ...head.map((column) => h('th', { scope: 'col' }, t(`sup.unstaffed.col.${column}`))))),
    h('tbody', {}, ...tasks.map(unstaffedRow)),
  );
}

function unstaffedRow(task: UnstaffedTask): HTMLElement {
  return h(
    'tr',
    { dataset: { taskId: task.taskId } },
    h('td', { class: 'wrap' }, h('a', { href: `case.html?id=${encodeURIComponent(task.caseId)}` }, task.caseTitle), h('br'), h('small', { class: 'muted' }, task.receiptNo)),
    h('td', { class: 'wrap sup-unstaffed-step' }, task.name),
    h('td', { class: 'sup-unstaffed-names' }, ...namedActors(task).map((named) => h('div', { class: 'sup-named' }, named))),
    h('td', { class: 'sup-unstaffed-opened' }, chinaTime(task.createdAt)),
    h('td', { class: 'num sup-unstaffed-waited' }, String(daysWaited(task.createdAt))),
  );
}

/** Who the task names, each as written: an assignee alone decides who acts, otherwise its candidate users and groups. */
function namedActors(task: UnstaffedTask): string[] {
  const users = task.assignee ? [task.assignee] : task.candidateUsers;
  const groups = task.assignee ? [] : task.candidateGroups;
  const named = [...groups.map((group) => t('sup.unstaffed.group', { group })), ...users.map((user) => t('sup.unstaffed.user', { user }))];
  return named.length > 0 ? named : ['—'];
}

/** Whole days since the task opened (a task opened today has waited 0). */
function daysWaited(createdAt: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(createdAt)) / day));
}
