import { MongoNetworkError, MongoNotConnectedError, MongoOperationTimeoutError, MongoServerClosedError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';

/** Driver errors that mean the store is not reachable now (rather than that it refused the request). */
const storeDown = [MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError, MongoServerClosedError, MongoOperationTimeoutError];

/** True when `error` says the store did not answer: its server is gone, unreachable or too slow. */
export function isStoreUnavailable(error: unknown): boolean {
  if (storeDown.some((kind) => error instanceof kind)) return true;
  // mongoose wraps server selection in an error of its own
  return error instanceof Error && error.name === 'MongooseServerSelectionError';
}

/** True when `error` is ioredis or BullMQ saying Redis is not connected or did not answer. */
export function isQueueUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'MaxRetriesPerRequestError' || /enableOfflineQueue|Connection is closed|ECONNREFUSED|ETIMEDOUT/.test(error.message);
}

/**
 * Resolves to `work`'s value, or to `fallback` when it has not settled within `ms`: a wait on
 * Redis or the store that must not hold a caller longer than that. `work` keeps running; its
 * late failure is swallowed, since the caller has already moved on.
 */
export async function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
