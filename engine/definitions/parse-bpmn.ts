import type { ParseResult } from 'bpmn-moddle';
import { DefinitionRejectedError } from '../errors';
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
 * bpmn-moddle still could not read cleanly (unknown elements, unresolved references).
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
  const warnings = resolveQualifiedReferences(parsed);
  if (warnings.length > 0) {
    throw new DefinitionRejectedError(
      'the BPMN XML has content govflow cannot read',
      warnings.map((warning) => ({ path: warning.element?.id ?? 'body', message: firstLine(warning.message) })),
    );
  }
  deriveImplicitConnections(parsed.rootElement);
  return { ...parsed, warnings };
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
