import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { CaseDiagram } from './case-types';

/** What the viewer needs of diagram-js's canvas and element registry. */
interface Canvas {
  addMarker(element: string, marker: string): void;
  zoom(scale: 'fit-viewport' | number, center?: 'auto'): number;
  viewbox(): { inner: { width: number; height: number } };
  resized(): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

/** The canvas marker of a current step's clock state; CSS in case.css colours it. */
const stateMarker = { overdue: 'overdue', warning: 'near-due', paused: 'paused', running: null } as const;

/**
 * Shows the case on its model in bpmn-js's NavigatedViewer (pan and zoom, no editing): the path taken
 * marked `trail`, the open steps `current`, and their clocks `overdue` (red) or `near-due` (yellow).
 */
export async function showCaseDiagram(container: HTMLElement, diagram: CaseDiagram): Promise<{ fit(): void }> {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(diagram.xml);
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  const mark = (id: string, marker: string) => {
    if (registry.get(id)) canvas.addMarker(id, marker);
  };
  for (const id of diagram.trail) mark(id, 'trail');
  for (const step of diagram.current) {
    mark(step.stepId, 'current');
    const marker = step.state ? stateMarker[step.state] : null;
    if (marker) mark(step.stepId, marker);
  }
  fitHeight(container, canvas);
  const fit = () => void canvas.zoom(canvas.zoom('fit-viewport', 'auto') * 0.94);
  fit();
  return { fit };
}

/** Gives the canvas the height the diagram needs at its width (260–520 px), so a wide process leaves no empty band. */
function fitHeight(container: HTMLElement, canvas: Canvas): void {
  const { width, height } = canvas.viewbox().inner;
  if (width <= 0 || height <= 0) return;
  const wanted = (container.clientWidth * height) / width + 48;
  container.style.height = `${Math.round(Math.min(520, Math.max(260, wanted)))}px`;
  canvas.resized();
}

/** The colours' meaning, below the diagram. */
export function diagramLegend(): HTMLElement {
  const item = (kind: string, key: string) => h('li', {}, h('span', { class: `swatch ${kind}` }), t(key));
  return h('ul', { class: 'diagram-legend' }, item('trail', 'case.legend.trail'), item('current', 'case.legend.current'), item('near-due', 'case.legend.nearDue'), item('overdue', 'case.legend.overdue'), item('paused', 'case.legend.paused'));
}
