import { InvalidInputError, PayloadTooLargeError } from '../errors';

/** What one uploaded file may be: how large, and which media types (as the server reads them from its bytes). */
export interface FileLimits {
  maxBytes: number;
  mediaTypes: readonly string[];
}

const megabyte = 1024 * 1024;

/**
 * The limits of a file no material narrows: the scans, photographs and documents an application
 * is made of. 50 MB holds a long scanned PDF; OFD is the national e-document format (GB/T 33190).
 */
export const defaultFileLimits: FileLimits = {
  maxBytes: 50 * megabyte,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd', 'application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

/** Media types that carry no signature to read, so the declared type is taken when the material allows it. */
export const textMediaTypes: readonly string[] = ['text/plain', 'text/csv'];

/** The 413 of a file beyond its limit, however it was noticed. */
export function fileTooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`the file is larger than the ${Math.round((maxBytes / megabyte) * 10) / 10} MB it may be; nothing was stored`);
}

/**
 * A file's name as govflow keeps it: the last path segment, without control characters, at most
 * 255 characters. A name a browser sends is the person's own file name, so anything else is kept.
 */
export function storedFileName(raw: string): string {
  const name = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  if (!name) throw new InvalidInputError('the file has no name; send it with a filename', [{ path: 'file', message: 'a file name is needed' }]);
  return name;
}
