import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Context } from 'koa';
import { fileTooLarge, InvalidInputError } from '../../engine';

/** Room a multipart body takes beyond its file: boundaries, part headers, a few small fields. */
const envelopeBytes = 64 * 1024;

/** The one file of a multipart/form-data request, as it starts to arrive. */
export interface UploadedPart {
  content: Readable;
  name: string;
  /** As the sender declared it; the server reads the true type from the bytes. */
  mediaType: string;
}

/**
 * Starts reading a multipart body and answers with its first file part, unread, so the caller
 * streams it to storage. A body whose declared length cannot hold a file within `maxBytes` is
 * refused before it is read; otherwise the part stops one byte past `maxBytes`, so the store sees
 * the file was too large without busboy buffering it. Further files and fields are skipped.
 */
export function uploadedPart(ctx: Context, maxBytes: number): Promise<UploadedPart> {
  if (Number(ctx.get('content-length')) > maxBytes + envelopeBytes) {
    return Promise.reject(fileTooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 1024 } });
    } catch (error) {
      reject(new InvalidInputError(`the multipart body cannot be read: ${(error as Error).message}`, [{ path: 'body', message: 'multipart/form-data with a boundary' }]));
      return;
    }
    let found = false;
    parser.on('file', (_field, content, info) => {
      found = true;
      resolve({ content, name: info.filename ?? '', mediaType: info.mimeType });
    });
    parser.on('error', (error: Error) => reject(new InvalidInputError(`the multipart body cannot be read: ${error.message}`, [{ path: 'body', message: 'a well-formed multipart/form-data body' }])));
    parser.on('close', () => {
      if (!found) reject(new InvalidInputError('the request holds no file; send one file as a part of multipart/form-data', [{ path: 'file', message: 'one file part with a filename' }]));
    });
    ctx.req.pipe(parser);
  });
}

/** Content-Disposition for a download: an ASCII fallback name and the real one in UTF-8 (RFC 6266, RFC 8187). */
export function downloadDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
