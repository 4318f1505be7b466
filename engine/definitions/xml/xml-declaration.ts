/** `<?xml … encoding="…" … ?>` at the very start of a document, capturing the declared encoding. */
const encodingDeclaration = /^(\uFEFF?\s*<\?xml\b[^?]*?)\s+encoding\s*=\s*(["'])([^"']*)\2/;

/** The encoding a document's XML declaration names, if any (e.g. "ISO-8859-1", "GBK"). */
export function declaredEncoding(head: string): string | undefined {
  return encodingDeclaration.exec(head)?.[3];
}

/**
 * A declared encoding describes the bytes, and this text has already been decoded (the API
 * decodes a body by its declaration, see api/http/xml-body.ts), so the declaration is dropped
 * rather than handed to the XML reader, which knows only UTF-8 and would refuse the model.
 */
export function withoutEncodingDeclaration(xml: string): string {
  return xml.replace(encodingDeclaration, '$1');
}
