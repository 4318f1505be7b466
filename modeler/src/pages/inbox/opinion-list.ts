import './work-messages';
import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import type { Opinion } from './inbox-types';
import { decisionLabel } from './work-labels';

/** The opinions given so far, oldest first: step, decision, words, who and when. */
export function opinionList(opinions: Opinion[], names: Names): HTMLElement {
  if (opinions.length === 0) return h('p', { class: 'empty' }, t('work.noOpinions'));
  return h(
    'ol',
    { class: 'opinions' },
    ...opinions.map((opinion) =>
      h(
        'li',
        { class: 'opinion' },
        h('div', { class: 'opinion-head' }, h('strong', {}, opinion.stepName), opinion.decision ? h('span', { class: 'decision' }, decisionLabel(opinion.decision)) : null, h('span', { class: 'muted' }, [opinion.by && personName(names, opinion.by), chinaTime(opinion.at)].filter(Boolean).join(' · '))),
        opinion.text ? h('p', { class: 'opinion-text' }, opinion.text) : null,
      ),
    ),
  );
}
