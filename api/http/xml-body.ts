import type { Context, Next } from 'koa';
import getRawBody from 'raw-body';
import { InvalidInputError, UnsupportedMediaTypeError } from '../../engine';
import { declaredEncoding } from '../../engine/definitions/xml/xml-declaration';

const xmlTypes = ['application/xml', 'text/xml'];

/**
 * Reads an XML body in the encoding it says it is in: the charset of its Content-Type, else its
 * XML declaration (`encoding="GBK"`, `"ISO-8859-1"` — older tools write those), else UTF-8, as
 * XML itself is read. Runs before the body parser, which then leaves the body alone.
 */
export function xmlBody(limit: string) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.is(xmlTypes) || ctx.request.body !== undefined) return next();
    const bytes = await getRawBody(ctx.req, { limit, length: ctx.request.length });
    const encoding = ctx.request.charset || declaredEncoding(bytes.subarray(0, 256).toString('latin1')) || 'utf-8';
    (ctx.request as unknown as { body: string }).body = decode(bytes, encoding);
    (ctx as unknown as { disableBodyParser: boolean }).disableBodyParser = true;
    return next();
  };
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
    throw new InvalidInputError(`the XML is not valid ${encoding}: some bytes are no characters of that encoding`, [{ path: 'body', message: `save the model as ${encoding} again, or as UTF-8` }]);
  }
}
