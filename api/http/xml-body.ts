import type { Context, Next } from 'koa';
import getRawBody from 'raw-body';
import { InvalidInputError, UnsupportedMediaTypeError } from '../../engine';
import { declaredEncoding } from '../../engine/definitions/xml/xml-declaration';

const xmlTypes = ['application/xml', 'text/xml', 'application/bpmn+xml'];

/** Byte-order marks, which say the encoding before anything else does. */
const byteOrderMarks: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * Reads an XML body in the encoding it says it is in: its byte-order mark, else the charset of
 * its Content-Type, else its XML declaration (`encoding="GBK"`, `"ISO-8859-1"` — older tools
 * write those), else UTF-8, as XML itself is read. Runs before the body parser, which then
 * leaves the body alone.
 */
export function xmlBody(limit: string) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.is(xmlTypes) || ctx.request.body !== undefined) return next();
    const bytes = await getRawBody(ctx.req, { limit, length: ctx.request.length });
    const encoding = markedEncoding(bytes) ?? (ctx.request.charset || declaredEncoding(bytes.subarray(0, 256).toString('latin1')) || 'utf-8');
    (ctx.request as unknown as { body: string }).body = decode(bytes, encoding);
    (ctx as unknown as { disableBodyParser: boolean }).disableBodyParser = true;
    return next();
  };
}

function markedEncoding(bytes: Buffer): string | undefined {
  return byteOrderMarks.find(([mark]) => mark.every((byte, index) => bytes[index] === byte))?.[1];
}

function decode(bytes: Buffer, encoding: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new UnsupportedMediaTypeError(`the XML is declared in encoding "${encoding}", which this server cannot read: save the model as UTF-8, GBK, GB18030 or ISO-8859-1`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InvalidInputError(`the XML is not valid ${encoding}: some bytes are no characters of that encoding`, [{ path: 'body', message: 'save the model again as UTF-8, or declare the encoding it is in' }]);
  }
}
