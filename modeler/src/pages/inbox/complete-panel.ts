import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { confirmStep } from '../../shared/confirm-step';
import { FieldErrors } from './field-errors';
import { taskOperation } from './inbox-api';
import type { TaskDetail } from './inbox-types';
import { renderTaskForm } from './task-form';
import { decisionLabel } from './work-labels';

/**
 * The work on a task: its form, its decision and the opinion box, and the complete button.
 * Field problems, the browser's or the API's (422 with `/data/<field>`), appear next to their fields.
 * The decision and opinion are kept as a draft in this tab until the task is completed, so a
 * refresh, a failed operation or a dialog never loses them; a decisive step's decision, legally
 * binding, is sent only after the clerk confirms it.
 */
export function completePanel(task: TaskDetail, enabled: boolean, done: () => void): HTMLElement {
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const form = task.form.length > 0 ? renderTaskForm(task.form, errors) : null;
  const draft = opinionDraft(task.id);
  const decision = h('select', { id: 'task-decision', name: 'decision', required: true }, h('option', { value: '' }, t('inbox.form.chooseDecision')), ...task.decisions.map((value) => h('option', { value, selected: value === draft.value.decision }, decisionLabel(value))));
  const comment = h('textarea', { id: 'task-comment', name: 'comment', rows: 3, maxlength: 4000, value: draft.value.comment });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'complete-task' }, t('inbox.action.complete'));
  const confirmation = confirmStep(submit, 'confirm-decisive');
  const keep = () => {
    draft.save({ decision: decision.value, comment: comment.value });
    confirmation.reset();
  };
  decision.addEventListener('change', keep);
  comment.addEventListener('input', keep);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    errors.clear();
    let fine = form ? form.check(errors) : true;
    if (task.decisions.length > 0 && decision.value === '') {
      errors.show('/decision', t('inbox.form.required'));
      fine = false;
    }
    if (!fine) {
      errors.showGeneral(t('inbox.form.fixErrors'));
      return;
    }
    if (task.decisive) {
      const question = h('p', {}, t('inbox.confirm.decisive', { decision: decision.value ? decisionLabel(decision.value) : t('inbox.action.complete') }));
      if (!confirmation.confirmed(question, h('button', { type: 'button', id: 'cancel-decisive', onclick: confirmation.reset }, t('inbox.confirm.back')))) return;
    }
    const body: Record<string, unknown> = {};
    if (task.decisions.length > 0) body.decision = decision.value;
    if (comment.value.trim() !== '') body.comment = comment.value.trim();
    if (form) body.data = form.values();
    submit.disabled = true;
    try {
      await taskOperation(task.id, 'complete', body);
      draft.clear();
      done();
    } catch (error) {
      confirmation.reset();
      errors.showError(error);
    } finally {
      submit.disabled = false;
    }
  };

  return h(
    'form',
    { class: 'complete-panel', novalidate: true, onsubmit: onSubmit },
    h(
      'fieldset',
      { disabled: !enabled, class: 'plain' },
      form?.element,
      task.decisions.length > 0 ? h('div', { class: 'field', dataset: { field: 'decision' } }, h('label', { for: 'task-decision' }, t('inbox.form.decision'), h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')), decision, errors.slot('/decision')) : null,
      h('div', { class: 'field', dataset: { field: 'comment' } }, h('label', { for: 'task-comment' }, t('inbox.form.opinion')), comment, errors.slot('/comment')),
      errors.general,
      confirmation.element,
      h('div', { class: 'toolbar' }, submit),
    ),
  );
}

interface Draft {
  decision: string;
  comment: string;
}

/** The decision and opinion typed into a task, kept in this tab (sessionStorage) until it is completed. */
function opinionDraft(taskId: string): { value: Draft; save(draft: Draft): void; clear(): void } {
  const key = `govflow.opinion.${taskId}`;
  const stored = ((): Partial<Draft> => {
    try {
      return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Partial<Draft>;
    } catch {
      return {};
    }
  })();
  return {
    value: { decision: stored.decision ?? '', comment: stored.comment ?? '' },
    save: (draft) => sessionStorage.setItem(key, JSON.stringify(draft)),
    clear: () => sessionStorage.removeItem(key),
  };
}
