import type { Context } from 'koa';
import { InvalidInputError } from '../../engine';

const keyPattern = /^[\x21-\x7e]{1,128}$/;

/** The request's Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header), checked; undefined when absent. */
export function idempotencyKeyOf(ctx: Context): string | undefined {
  const key = ctx.get('idempotency-key') || undefined;
  if (key !== undefined && !keyPattern.test(key)) {
    throw new InvalidInputError('the Idempotency-Key header is invalid', [{ path: 'Idempotency-Key', message: '1–128 printable ASCII characters' }]);
  }
  return key;
}
