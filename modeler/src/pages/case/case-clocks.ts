import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { handlerName, personName, type Names } from '../../shared/names';
import { clockDetails } from '../inbox/clock-view';
import type { CaseView, CurrentStep } from './case-types';

/** The case clock (promised or statutory limit) and each open step's clock: limit, due, time left, pauses. */
export function caseClocks(view: CaseView): HTMLElement {
  return h(
    'div',
    { class: 'case-clocks' },
    h('section', { class: 'clock case-clock' }, h('h4', {}, t('case.caseClock')), view.clock ? clockDetails(view.clock) : h('p', { class: 'muted' }, t('case.caseClock.none'))),
    ...(view.currentSteps.length > 0 ? view.currentSteps.map((step) => stepClock(step, view.names)) : [h('p', { class: 'muted no-current' }, t('case.noCurrent'))]),
  );
}

function stepClock(step: CurrentStep, names: Names): HTMLElement {
  const handler = step.assignee ? personName(names, step.assignee) : step.candidateGroups.map((group) => handlerName(names, group)).join('、');
  return h(
    'section',
    { class: 'clock step-clock', dataset: { stepId: step.stepId, state: step.clock?.state ?? 'none' } },
    h('h4', {}, t('case.stepClock', { name: step.name })),
    h('p', { class: 'muted' }, [handler ? `${t('case.handler')}：${handler}` : '', `${t('case.since')}：${chinaTime(step.since)}`].filter(Boolean).join(' · ')),
    step.clock ? clockDetails(step.clock) : h('p', { class: 'muted' }, t('case.noStepLimit')),
  );
}
