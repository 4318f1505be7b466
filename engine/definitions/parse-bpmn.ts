import type { ParseResult } from 'bpmn-moddle';
import { DefinitionRejectedError, type ProblemDetail } from '../errors';
import { createModdle } from './moddle';
import { deriveImplicitConnections } from './xml/implicit-connections';
import { resolveQualifiedReferences } from './xml/qualified-references';
import { withoutEncodingDeclaration } from './xml/xml-declaration';

/** Entities and DTDs are how XML bombs and external-entity reads work; BPMN never needs them. */
const forbiddenDeclaration = /<!(DOCTYPE|ENTITY)/i;

/**
 * Parses BPMN XML with the govflow extension, read as XML means it: the encoding declaration of
 * already decoded text dropped, QName references into the model's own namespace resolved, and
 * the incoming/outgoing lists completed from the flows. Refuses DTDs, unparsable XML and what
 * bpmn-moddle still could not read cleanly (unknown elements, unresolved references); answers
 * as warnings only diagram elements left behind for elements since deleted.
 */
export async function parseBpmn(xml: string): Promise<ParseResult> {
  if (forbiddenDeclaration.test(xml)) {
    throw new DefinitionRejectedError('BPMN XML may not contain a DOCTYPE or ENTITY declaration', [
      { path: 'body', message: 'remove the <!DOCTYPE …> / <!ENTITY …> declaration' },
    ]);
  }
  let parsed: ParseResult;
  try {
    parsed = await createModdle().fromXML(withoutEncodingDeclaration(xml));
  } catch (error) {
    throw new DefinitionRejectedError('the body is not BPMN 2.0 XML', [{ path: 'body', message: (error as Error).message }]);
  }
  if (parsed.rootElement?.$type !== 'bpmn:Definitions') {
    throw new DefinitionRejectedError('the XML root is not bpmn:definitions', [{ path: 'body', message: `root is ${parsed.rootElement?.$type}` }]);
  }
  const remaining = resolveQualifiedReferences(parsed);
  const fatal = remaining.filter((warning) => !isStaleDiagram(warning));
  if (fatal.length > 0) {
    throw new DefinitionRejectedError(
      'the BPMN XML has content govflow cannot read',
      fatal.map((warning) => readerProblem(warning.message, warning.element?.id ?? warning.element?.$parent?.id)),
    );
  }
  deriveImplicitConnections(parsed.rootElement);
  return { ...parsed, warnings: remaining.filter(isStaleDiagram) };
}

/**
 * A diagram shape or edge left behind for an element since deleted (tools leave them): the
 * model runs the same without it, so it is a warning of deploy's, not a refusal.
 */
function isStaleDiagram(warning: { message: string; element?: ModdleElement }): boolean {
  return Boolean(warning.element?.$type.startsWith('bpmndi:')) && warning.message.startsWith('unresolved reference');
}

/** Deploy's warning for a stale diagram element that {@link parseBpmn} let through. */
export function staleDiagramWarning(warning: { message: string; element?: ModdleElement }): ProblemDetail {
  const missing = /<(.*)>/.exec(warning.message)?.[1] ?? '';
  return { path: String(warning.element?.id ?? 'body'), message: `the diagram's ${warning.element?.id ?? 'shape'} shows "${missing}", which the model does not have: it is not drawn (save the model again in the modeler to drop it)` };
}

/**
 * A reader warning as a problem: its first line, with the reason a nested error gives (an
 * illegal id, …), at the element it names; an id the reader refuses is told how to look.
 */
function readerProblem(message: string, elementId: string | undefined): ProblemDetail {
  const [first] = message.split('\n');
  const nested = /nested error: (.*)/.exec(message)?.[1];
  const illegalId = nested ? /^illegal ID <(.*)>$/.exec(nested)?.[1] : undefined;
  if (illegalId !== undefined) return { path: illegalId, message: `the id "${illegalId}" is not an id the BPMN reader accepts: ids start with a letter or _ and use only ASCII letters, digits, _, - and . (the name may be Chinese)` };
  return { path: elementId ?? 'body', message: nested ? `${first}: ${nested}` : first };
}
