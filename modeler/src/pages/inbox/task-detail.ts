import type { Session } from '../../shared/api-client';
import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { handlerName, personName } from '../../shared/names';
import { attachmentTable } from './attachment-table';
import { clockDetails } from './clock-view';
import { completePanel } from './complete-panel';
import { taskOperation, type TaskOperation } from './inbox-api';
import type { TaskDetail } from './inbox-types';
import { opinionList } from './opinion-list';
import { taskActions, withdrawAction } from './task-actions';
import { candidatesOf } from './task-list';
import { statusLabel } from './work-labels';

export interface DetailCallbacks {
  /** An operation succeeded: refresh the lists and this task. */
  changed(operation: TaskOperation): void;
  /** An operation failed outside a dialog, e.g. claiming a task someone else just took. */
  failed(error: unknown): void;
  close(): void;
}

/** A task opened beside the lists: its case, clock, materials and opinions, the work on it and the other operations. */
export function taskDetail(task: TaskDetail, session: Session, delegated: boolean, callbacks: DetailCallbacks): HTMLElement {
  const heldByMe = task.assignee === session.username;
  const open = task.status === 'open';
  return h(
    'article',
    { class: 'task-detail', dataset: { taskId: task.id, status: task.status } },
    h('header', { class: 'detail-head' }, h('h2', {}, task.caseTitle), h('button', { type: 'button', class: 'link close-detail', onclick: callbacks.close }, t('inbox.closeDetail'))),
    facts(task),
    h('p', {}, h('a', { href: `case.html?id=${encodeURIComponent(task.caseId)}`, class: 'case-link' }, t('inbox.detail.viewCase'))),
    task.notes.length > 0 ? section(t('inbox.detail.notes'), noteList(task)) : null,
    open && task.clock ? section(t('inbox.detail.clock'), clockDetails(task.clock)) : null,
    section(t('inbox.detail.work'), open ? work(task, heldByMe, delegated, callbacks) : h('p', { class: 'notice closed' }, t('inbox.detail.closed', { status: statusLabel(task.status) }))),
    open ? section(t('inbox.detail.moreActions'), taskActions(task, session, delegated, callbacks.changed)) : null,
    !open && task.completedBy === session.username && task.caseStatus === 'running' ? section(t('inbox.detail.moreActions'), withdrawAction(task, callbacks.changed)) : null,
    section(t('inbox.detail.materials'), attachmentTable(task.attachments, stepNames(task))),
    section(t('inbox.detail.opinions'), opinionList(task.opinions, task.names)),
  );
}

function facts(task: TaskDetail): HTMLElement {
  const rows: Array<[string, string]> = [
    [t('inbox.detail.receipt'), task.receiptNo],
    [t('inbox.detail.step'), task.name],
    [t('inbox.detail.caseStatus'), statusLabel(task.caseStatus)],
    [t('inbox.detail.assignee'), task.assignee ? personName(task.names, task.assignee) : t('inbox.detail.unassigned')],
    [t('inbox.detail.groups'), candidatesOf(task, task.names) || '—'],
  ];
  if (task.delegatedBy) rows.push([t('inbox.detail.delegatedBy'), personName(task.names, task.delegatedBy)]);
  if (task.signer) rows.push([t('inbox.detail.signer'), handlerName(task.names, task.signer)]);
  return h('dl', { class: 'facts' }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** Claim or unclaim, then the form, decision and opinion; the form stays disabled until the task is mine (and not only delegated to me). */
function work(task: TaskDetail, heldByMe: boolean, delegated: boolean, callbacks: DetailCallbacks): HTMLElement {
  const run = (operation: TaskOperation) => async (event: Event) => {
    (event.currentTarget as HTMLButtonElement).disabled = true;
    try {
      await taskOperation(task.id, operation);
      callbacks.changed(operation);
    } catch (error) {
      callbacks.failed(error);
    }
  };
  const claim = delegated
    ? h('p', { class: 'notice delegated' }, t('inbox.detail.delegated'))
    : task.assignee === null
      ? h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', id: 'claim-task', onclick: run('claim') }, t('inbox.action.claim')), h('span', { class: 'muted' }, t('inbox.detail.claimFirst')))
      : heldByMe
        ? h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'unclaim-task', onclick: run('unclaim') }, t('inbox.action.unclaim')))
        : h('p', { class: 'notice' }, t('inbox.detail.heldByOther', { user: personName(task.names, task.assignee) }));
  return h('div', {}, claim, completePanel(task, heldByMe && !delegated, () => callbacks.changed('complete')));
}

/** What was done to the task — the return that reopened it, its transfers, delegation and hand-back, urges — with each reason or note as written. */
function noteList(task: TaskDetail): HTMLElement {
  return h(
    'ul',
    { class: 'task-notes' },
    ...task.notes.map((note) =>
      h(
        'li',
        { dataset: { kind: note.kind } },
        h('span', { class: 'muted' }, `${chinaTime(note.at)} `),
        t(`inbox.note.${note.kind}`, { by: personName(task.names, note.by), to: note.to === null ? '' : note.kind === 'returned' ? note.to : personName(task.names, note.to) }),
        note.text ? t('inbox.note.separator') : null,
        note.text ? h('q', {}, note.text) : null,
      ),
    ),
  );
}

function section(title: string, body: HTMLElement): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), body);
}

/** Step names by id, from the opinions, for the materials handed in with a step. */
function stepNames(task: TaskDetail): Record<string, string> {
  return Object.fromEntries([...task.opinions.map((opinion) => [opinion.stepId, opinion.stepName]), [task.stepId, task.name]]);
}

/** Shows a loading note, then the task, or the failure in its place. */
export function showLoading(container: HTMLElement): void {
  replaceChildren(container, h('p', { class: 'notice' }, t('inbox.loading')));
}
