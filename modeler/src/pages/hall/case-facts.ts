import { chinaTime } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseView } from '../case/case-types';
import { acceptanceLabel, statusLabel } from '../inbox/work-labels';

/** What the applicant reads first of a case, in words: [key, label, value]. */
export function caseFacts(view: CaseView): Array<[string, string, string]> {
  const running = view.status === 'running';
  const waitsForMe = view.awaiting.includes('supplement');
  const step = waitsForMe ? t('hall.case.awaitingSupplement') : [...view.currentSteps, ...view.externalSteps].map((open) => open.name).join('、') || t('hall.case.noStep');
  const facts: Array<[string, string, string | null]> = [
    ['status', t('hall.case.status'), statusLabel(view.status)],
    ['step', t('hall.case.step'), running ? step : null],
    ['due', t('hall.case.due'), running ? (view.clock?.dueDate ?? t('hall.case.notStarted')) : null],
    ['outcome', t('hall.case.outcome'), view.outcome.length > 0 ? view.outcome.join('、') : null],
    ['acceptance', t('hall.case.acceptance'), view.acceptance ? acceptanceLabel(view.acceptance) : null],
    ['submitted', t('hall.case.submitted'), chinaTime(view.createdAt)],
    ['ended', t('hall.case.ended'), view.endedAt ? chinaTime(view.endedAt) : null],
  ];
  return facts.filter((fact): fact is [string, string, string] => fact[2] !== null);
}
