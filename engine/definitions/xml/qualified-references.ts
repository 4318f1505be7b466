import type { ParseResult } from 'bpmn-moddle';

interface ReferenceWarning {
  message: string;
  element?: ModdleElement;
  property?: string;
  value?: string;
}

/**
 * References written as QNames (`messageRef="tns:order"`) whose prefix is bound to the model's own
 * targetNamespace name an element of this document, as the BPMN schema's QName types mean; the
 * XML reader looks ids up without a prefix and leaves them unresolved. Resolves those in place
 * and answers the warnings that remain.
 */
export function resolveQualifiedReferences(parsed: ParseResult): ParseResult['warnings'] {
  const ownPrefixes = targetNamespacePrefixes(parsed.rootElement);
  return parsed.warnings.filter((warning) => !resolve(warning as ReferenceWarning, ownPrefixes, parsed.elementsById));
}

function targetNamespacePrefixes(definitions: ModdleElement): Set<string> {
  const namespace = definitions.targetNamespace;
  const attributes = (definitions.$attrs ?? {}) as Record<string, string>;
  return new Set(Object.entries(attributes).filter(([name, value]) => name.startsWith('xmlns:') && value === namespace).map(([name]) => name.slice('xmlns:'.length)));
}

function resolve(warning: ReferenceWarning, ownPrefixes: Set<string>, elementsById: Record<string, ModdleElement>): boolean {
  const { element, property, value } = warning;
  const qualified = /^([\w.-]+):([\w.-]+)$/.exec(value ?? '');
  if (!element || !property || !qualified || !ownPrefixes.has(qualified[1])) return false;
  const target = elementsById[qualified[2]];
  if (!target) return false;
  const current = element.get(property) as unknown;
  if (Array.isArray(current)) current.push(target);
  else element.set(property, target);
  return true;
}
