import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its parts (SHA-256 of them joined by NUL): the same parts give
 * the same id on every node, so a retried start finds the case it made — a submission's by its
 * applicant and Idempotency-Key, a child case's by its parent and call.
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
