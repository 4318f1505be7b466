import type Modeler from 'bpmn-js/lib/Modeler';
import type { ImportReport, ImportWarning } from '../lint/problems-panel';
import type { ModdleObject } from '../properties/services';
import { hasShapes, layOut } from './auto-layout';

/**
 * A warning as bpmn-moddle (parsing) or bpmn-js (drawing) reports it: parse warnings name the
 * moddle element, drawing warnings carry it in `context`.
 */
interface BpmnJsWarning {
  message?: string;
  element?: { id?: unknown };
  context?: { element?: { id?: unknown } };
}

interface BpmnModdle {
  fromXML(xml: string, type: string): Promise<{ rootElement: ModdleObject; warnings: BpmnJsWarning[] }>;
  toXML(element: ModdleObject): Promise<{ xml: string }>;
}

/** A warning's message on one line: moddle puts line, column and the nested error on lines of their own. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, '; ').trim();
}

function importWarning(warning: BpmnJsWarning): ImportWarning {
  const id = warning.element?.id ?? warning.context?.element?.id;
  return { elementId: typeof id === 'string' && id !== '' ? id : undefined, message: oneLine(String(warning.message ?? warning)) };
}

function unique(warnings: ImportWarning[]): ImportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.elementId ?? ''}\n${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The warnings a failed import carries (bpmn-js adds them to its error, so does ModelLayoutError), for the failure's page. */
export function warningsOf(error: unknown): ImportWarning[] {
  const warnings = (error as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(warnings) ? unique(warnings.map((warning: BpmnJsWarning) => importWarning(warning))) : [];
}

/**
 * Opens `xml` in `modeler`, as every way into the editor does (a version, a draft, a file). The
 * model is parsed first, so a file without a diagram is laid out before bpmn-js sees it and one
 * that cannot be read or laid out leaves the open model as it was. Answers bpmn-js's warnings
 * and whether the diagram was generated; throws the parser's error, a ModelLayoutError, or
 * bpmn-js's import error.
 */
export async function importModel(modeler: Modeler, xml: string): Promise<ImportReport> {
  const moddle = modeler.get<BpmnModdle>('moddle');
  const parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (hasShapes(parsed.rootElement)) {
    const { warnings } = await modeler.importXML(xml);
    return { warnings: unique((warnings as unknown as BpmnJsWarning[]).map(importWarning)), laidOut: false };
  }
  // The layout's XML no longer holds what the parser dropped (unknown elements, unresolved
  // references), so the warnings about those come from the file's own parse.
  const laidOut = await layOut(parsed, moddle);
  const { warnings } = await modeler.importXML(laidOut);
  return { warnings: unique([...parsed.warnings, ...(warnings as unknown as BpmnJsWarning[])].map(importWarning)), laidOut: true };
}
