import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { FieldErrors } from './field-errors';
import { taskOperation } from './inbox-api';
import type { TaskDetail } from './inbox-types';
import { renderTaskForm } from './task-form';
import { decisionLabel } from './work-labels';

/**
 * The work on a task: its form, its decision and the opinion box, and the complete button.
 * Field problems, the browser's or the API's (422 with `/data/<field>`), appear next to their fields.
 */
export function completePanel(task: TaskDetail, enabled: boolean, done: () => void): HTMLElement {
  const errors = new FieldErrors(h('div', { class: 'form-errors' }));
  const form = task.form.length > 0 ? renderTaskForm(task.form, errors) : null;
  const decision = h('select', { id: 'task-decision', name: 'decision', required: true }, h('option', { value: '' }, t('inbox.form.chooseDecision')), ...task.decisions.map((value) => h('option', { value }, decisionLabel(value))));
  const comment = h('textarea', { id: 'task-comment', name: 'comment', rows: 3, maxlength: 4000 });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'complete-task' }, t('inbox.action.complete'));

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
    const body: Record<string, unknown> = {};
    if (task.decisions.length > 0) body.decision = decision.value;
    if (comment.value.trim() !== '') body.comment = comment.value.trim();
    if (form) body.data = form.values();
    submit.disabled = true;
    try {
      await taskOperation(task.id, 'complete', body);
      done();
    } catch (error) {
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
      h('div', { class: 'toolbar' }, submit),
    ),
  );
}
