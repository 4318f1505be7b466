import type { Session } from '../../shared/api-client';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { attachmentTable } from '../inbox/attachment-table';
import { opinionList } from '../inbox/opinion-list';
import { getCase, getCaseDiagram } from './case-api';
import { caseClocks } from './case-clocks';
import { diagramLegend, showCaseDiagram } from './case-diagram';
import { caseHeader } from './case-header';
import { caseLinks } from './case-links';
import { caseTimeline } from './case-timeline';
import { ratingList } from './rating-list';
import { supplementRequestList } from './supplement-requests';
import type { CaseView } from './case-types';

/** Who may print a case's 审批单 (GET /api/cases/{id}/approval-sheet): staff and the office, not the applicant. */
const sheetReaders = ['clerk', 'leader', 'supervisor', 'admin'];

/** case.html?id=<caseId>: the case on its diagram, beside its clocks, audit timeline, documents and opinions. */
export async function caseView(main: HTMLElement, session: Session): Promise<void> {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    replaceChildren(main, h('p', { class: 'error', role: 'alert' }, t('case.missingId')));
    return;
  }
  const [view, diagram] = await Promise.all([getCase(id), getCaseDiagram(id)]);
  const canvas = h('div', { class: 'case-canvas', id: 'case-diagram' });
  const fit = h('button', { type: 'button', class: 'zoom-fit', disabled: true }, t('case.zoomFit'));
  const diagramPanel = h('section', { class: 'panel diagram-panel' }, h('div', { class: 'panel-head' }, h('h2', {}, t('case.diagram')), fit), canvas, diagramLegend());
  replaceChildren(
    main,
    caseHeader(view, session.roles.some((role) => sheetReaders.includes(role))),
    h(
      'div',
      { class: 'case-layout' },
      h('div', { class: 'case-main' }, diagramPanel, section('case.timeline', caseTimeline(view.history, view.names), 'timeline-panel')),
      h('div', { class: 'case-side' }, section('case.clocks', caseClocks(view), 'clocks-panel'), linksSection(view), supplementSection(view), view.ratings.length > 0 ? section('case.ratings', ratingList(view.ratings), 'ratings-panel') : null, section('case.attachments', attachmentTable(view.attachments, stepNames(view)), 'attachments-panel'), section('case.opinions', opinionList(view.opinions, view.names), 'opinions-panel')),
    ),
  );
  try {
    const shown = await showCaseDiagram(canvas, diagram);
    fit.addEventListener('click', () => shown.fit());
    fit.disabled = false;
    canvas.dataset.ready = 'true';
  } catch (error) {
    replaceChildren(canvas, h('p', { class: 'notice diagram-missing' }, t('case.diagram.none', { message: error instanceof Error ? error.message : String(error) })));
  }
}

function linksSection(view: CaseView): HTMLElement | null {
  const links = caseLinks(view);
  return links ? section('case.links', links, 'links-panel') : null;
}

function supplementSection(view: CaseView): HTMLElement | null {
  return view.supplementRequests.length > 0 ? section('case.supplements', supplementRequestList(view.supplementRequests, view.names), 'supplements-panel') : null;
}

function section(title: string, body: HTMLElement, kind: string): HTMLElement {
  return h('section', { class: `panel ${kind}` }, h('h2', {}, t(title)), body);
}

function stepNames(view: CaseView): Record<string, string> {
  return Object.fromEntries([...view.opinions.map((opinion) => [opinion.stepId, opinion.stepName]), ...view.currentSteps.map((step) => [step.stepId, step.name])]);
}
