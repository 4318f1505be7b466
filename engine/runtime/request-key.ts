import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/**
 * A client's Idempotency-Key for the request being served: whose it is (a key is the caller's
 * own, so two callers' keys never meet) and a fingerprint of what was asked, to tell a retry
 * from a reuse of the key for something else.
 */
export interface RequestKey {
  /** Hash of the caller and their key; the key itself is not stored. */
  id: string;
  /** Hash of the request's method, path and body. */
  fingerprint: string;
}

const scope = new AsyncLocalStorage<RequestKey>();

/** The key of a request, from its caller, header value and what it asks. */
export function requestKey(caller: string, key: string, request: { method: string; path: string; body: unknown }): RequestKey {
  const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('base64url');
  return { id: hash(caller, key), fingerprint: hash(request.method, request.path, JSON.stringify(request.body ?? null)) };
}

/**
 * Runs `serve` with `key` as the request's Idempotency-Key: every case command it runs answers
 * a retry of the same request from the case rather than acting twice. The key travels with the
 * request's async context, as a trace id would, so the many service methods between the route
 * and the executor need not pass it along.
 */
export function withRequestKey<T>(key: RequestKey | undefined, serve: () => Promise<T>): Promise<T> {
  return key ? scope.run(key, serve) : serve();
}

/** The Idempotency-Key of the request being served, if it brought one. */
export function currentRequestKey(): RequestKey | undefined {
  return scope.getStore();
}

/**
 * Runs `serve` outside the request's Idempotency-Key: for commands a request runs on many cases
 * that a retry must run afresh (fetch-and-lock), never answered from an earlier lock.
 */
export function withoutRequestKey<T>(serve: () => Promise<T>): Promise<T> {
  return scope.exit(serve);
}
