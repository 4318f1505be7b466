import type { Session } from '../../shared/api-client';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { handlerName } from '../../shared/names';
import { openActionDialog, type DialogField } from './action-dialog';
import { directoryGroups, taskOperation, type TaskOperation } from './inbox-api';
import type { TaskDetail } from './inbox-types';

interface ActionSpec {
  operation: TaskOperation;
  /** The dialog's fields, or how to load them when it opens (the 抄送 dialog asks the directory). */
  fields: DialogField[] | (() => Promise<DialogField[]>);
  body(values: Record<string, string>): Record<string, unknown>;
  /** Asked before an operation that cannot be taken back is sent. */
  confirm?(values: Record<string, string>): string;
}

/**
 * The operations besides completing, each behind a dialog: 退回 (to the previous or a chosen earlier
 * step), 转办, 委派, 委派办毕 (for the delegate), 加签 (a signer of a countersign), 催办 (leaders) and 抄送.
 * Only what the user may do on this task is offered.
 */
export function taskActions(task: TaskDetail, session: Session, delegated: boolean, done: (operation: TaskOperation) => void): HTMLElement {
  const heldByMe = task.assignee === session.username && !delegated;
  const isLeader = session.roles.includes('leader');
  const specs: ActionSpec[] = [];
  if (heldByMe || task.assignee === null) specs.push(returnSpec(task));
  if (heldByMe || (isLeader && !delegated)) {
    specs.push({
      operation: 'transfer',
      fields: [colleague('to', 'inbox.field.to'), area('reason', 'inbox.field.reason', true)],
      body: (values) => ({ to: values.to, reason: values.reason }),
    });
  }
  if (heldByMe) specs.push({ operation: 'delegate', fields: [colleague('to', 'inbox.field.to'), area('note', 'inbox.field.note')], body: (values) => ({ to: values.to, ...optional('note', values.note) }) });
  if (task.signer !== null && (heldByMe || task.assignee === null)) specs.push(addSignerSpec());
  if (delegated) specs.push({ operation: 'resolve', fields: [area('comment', 'inbox.field.comment')], body: (values) => optional('comment', values.comment) });
  if (isLeader && task.assignee !== session.username) specs.push({ operation: 'urge', fields: [area('message', 'inbox.field.message')], body: (values) => optional('message', values.message) });
  specs.push(copySpec());
  return h('div', { class: 'toolbar task-actions' }, ...specs.map((spec) => actionButton(task, spec, done)));
}

/** 撤回: on a step I completed whose next step nobody has touched yet; the server has the last word. */
export function withdrawAction(task: TaskDetail, done: (operation: TaskOperation) => void): HTMLElement {
  const spec: ActionSpec = { operation: 'withdraw', fields: [area('reason', 'inbox.field.reason')], body: (values) => optional('reason', values.reason) };
  return h('div', { class: 'toolbar task-actions' }, actionButton(task, spec, done));
}

/** 加签: a colleague picked by name (or a group typed as role@department), before me or after me. */
function addSignerSpec(): ActionSpec {
  const positions = ['after', 'before'].map((value) => ({ value, label: t(`inbox.field.position.${value}`) }));
  return {
    operation: 'add-signer',
    fields: [colleague('signer', 'inbox.field.signer'), { name: 'position', label: t('inbox.field.position'), kind: 'select', options: positions }],
    body: (values) => ({ signer: values.signer, position: values.position || 'after' }),
  };
}

/**
 * 抄送: colleagues picked by name, and groups picked from those the directory knows, by unit and
 * post; the server refuses anyone else, naming them next to the field. Without the directory (or
 * when it knows no group) groups are typed, and the server checks them the same way.
 */
function copySpec(): ActionSpec {
  return {
    operation: 'copy',
    fields: async () => {
      const { groups, unitNames } = await directoryGroups().catch(() => ({ groups: [], unitNames: {} }));
      const names = { people: {}, units: unitNames };
      const groupField: DialogField =
        groups.length > 0 ? { name: 'groups', label: t('inbox.field.groupsPick'), kind: 'multiselect', options: groups.map((group) => ({ value: group, label: handlerName(names, group) })) } : text('groups', 'inbox.field.groups');
      return [{ name: 'users', label: t('inbox.field.users'), kind: 'staff', staff: { purpose: 'copies', multiple: true } }, groupField, area('note', 'inbox.field.note')];
    },
    body: (values) => ({ users: list(values.users), groups: list(values.groups), ...optional('note', values.note) }),
  };
}

function actionButton(task: TaskDetail, spec: ActionSpec, done: (operation: TaskOperation) => void): HTMLElement {
  const open = async () =>
    openActionDialog({
      title: `${t(`inbox.action.${spec.operation}`)} · ${task.caseTitle}`,
      fields: typeof spec.fields === 'function' ? await spec.fields() : spec.fields,
      confirm: spec.confirm,
      submit: async (values) => {
        await taskOperation(task.id, spec.operation, spec.body(values));
        done(spec.operation);
      },
    });
  return h('button', { type: 'button', class: `action-${spec.operation}`, dataset: { operation: spec.operation }, onclick: open }, t(`inbox.action.${spec.operation}`));
}

/** 退回: a reason, and the step to return to — the previous one, or one the case passed (from its opinions). */
function returnSpec(task: TaskDetail): ActionSpec {
  const earlier = new Map(task.opinions.filter((opinion) => opinion.stepId !== task.stepId).map((opinion) => [opinion.stepId, opinion.stepName]));
  const options = [{ value: '', label: t('inbox.field.previousStep') }, ...[...earlier].map(([value, label]) => ({ value, label }))];
  return {
    operation: 'return',
    fields: [area('reason', 'inbox.field.reason', true), { name: 'to', label: t('inbox.field.returnTo'), kind: 'select', options }],
    body: (values) => ({ reason: values.reason, ...optional('to', values.to) }),
    confirm: (values) => t('inbox.confirm.return', { step: values.to ? (earlier.get(values.to) ?? values.to) : t('inbox.field.previousStep') }),
  };
}

/** One colleague who takes the task, picked by name. */
function colleague(name: string, label: string): DialogField {
  return { name, label: t(label), kind: 'staff', required: true, staff: { purpose: 'tasks', multiple: false } };
}

function text(name: string, label: string, required = false): DialogField {
  return { name, label: t(label), kind: 'text', required };
}

function area(name: string, label: string, required = false): DialogField {
  return { name, label: t(label), kind: 'textarea', required };
}

function optional(name: string, value: string | undefined): Record<string, string> {
  return value ? { [name]: value } : {};
}

/** `a, b，c` → ['a', 'b', 'c']. */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,，、\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
