import { h } from '../../shared/dom';
import { decisionLabel } from '../inbox/work-labels';

/** What a public reason shows of an opinion: the step, its decision, the words given. */
type PublicReason = { stepName: string; decision: string | null; text: string | null };

/** The reasons a process makes public (a denial's), one line each: 决定（不予许可）：理由. For the applicant's case page and the public progress. */
export function publicReasonLines(opinions: readonly PublicReason[]): HTMLElement[] {
  return opinions.map((opinion) => h('p', {}, h('strong', {}, `${opinion.stepName}${opinion.decision ? `（${decisionLabel(opinion.decision)}）` : ''}`), `：${opinion.text ?? ''}`));
}
