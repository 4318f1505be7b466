import { t } from '../../../shared/i18n';
import { deriveImplicitConnections } from '../../../../../engine/definitions/xml/implicit-connections';
import type { ModdleObject } from '../properties/services';

/**
 * A diagram for a model drawn without one: tools that write only the process (engines' own
 * exports, generators, hand-written files) leave out `<bpmndi:BPMNDiagram>`, and bpmn-js cannot
 * show a model without shapes. bpmn-auto-layout (bpmn.io's) draws it; it is loaded only when a
 * file needs it.
 */

/**
 * Thrown by {@link layOut} when the file has no process to draw or the layout itself fails;
 * `cause` is the layouter's error, `warnings` the file's parse warnings (as bpmn-js adds its
 * own to a failed import's error), which often say why (a flow to an element that is missing).
 */
export class ModelLayoutError extends Error {
  override readonly name = 'ModelLayoutError';
  readonly warnings: unknown[];

  constructor(detail: string, options: { cause?: unknown; warnings: unknown[] }) {
    super(t('modeler.layoutFailed', { detail }), { cause: options.cause });
    this.warnings = options.warnings;
  }
}

/** A file parsed by the modeler's moddle: its definitions and the parser's warnings. */
export interface ParsedModel {
  rootElement: ModdleObject;
  warnings: unknown[];
}

/** Whether the diagram bpmn-js opens (the first) has a shape to show. */
export function hasShapes(definitions: ModdleObject): boolean {
  const diagram = ((definitions.get('diagrams') as ModdleObject[] | undefined) ?? [])[0];
  const plane = diagram?.get('plane') as ModdleObject | undefined;
  return ((plane?.get('planeElement') as ModdleObject[] | undefined) ?? []).some((element) => element.$type === 'bpmndi:BPMNShape');
}

interface Serializer {
  toXML(element: ModdleObject): Promise<{ xml: string }>;
}

/**
 * The model of `parsed` (a file without shapes) with a generated diagram, as XML for bpmn-js.
 * Only the first process is laid out (bpmn-auto-layout's limit), and lanes, text annotations and
 * message flows get no shapes. The parsed definitions are changed (their flow nodes connected):
 * pass a parse of their own, not the modeler's definitions.
 */
export async function layOut(parsed: ParsedModel, moddle: Serializer): Promise<string> {
  const definitions = parsed.rootElement;
  const processes = ((definitions.get('rootElements') as ModdleObject[] | undefined) ?? []).filter((element) => element.$type === 'bpmn:Process');
  if (processes.length === 0) throw new ModelLayoutError(t('modeler.nothingToLayOut'), { warnings: parsed.warnings });
  try {
    // bpmn-auto-layout walks the graph through incoming/outgoing, which many tools leave out
    deriveImplicitConnections(definitions as unknown as ModdleElement);
    const { xml } = await moddle.toXML(definitions);
    const { layoutProcess } = await import('bpmn-auto-layout');
    return await layoutProcess(xml);
  } catch (error) {
    throw new ModelLayoutError(error instanceof Error ? error.message : String(error), { cause: error, warnings: parsed.warnings });
  }
}
