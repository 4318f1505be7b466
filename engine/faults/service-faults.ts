/**
 * Errors, by name, that mean the store is not reachable now (rather than that it refused the
 * request): the driver's, and mongoose's wrapper of server selection. Names rather than classes,
 * so an error passed through another copy of the driver, or wrapped as a cause, is still known.
 */
const storeDown = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoOperationTimeoutError',
  'MongooseServerSelectionError',
]);

/** True when `error`, or an error it was caused by, says the store did not answer: its server is gone, unreachable or too slow. */
export function isStoreUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (storeDown.has(cause.name) || storeDown.has(cause.constructor.name) || isBatchCutOff(cause)) return true;
  }
  return false;
}

/**
 * A bulk write (insertMany) that no document of failed: the driver reports the server it could
 * not select, or the connection it lost, as a MongoBulkWriteError without write errors.
 */
function isBatchCutOff(error: Error): boolean {
  if (error.name !== 'MongoBulkWriteError') return false;
  const { writeErrors, errorResponse } = error as { writeErrors?: unknown; errorResponse?: { reason?: unknown } };
  const noDocumentFailed = writeErrors === undefined || (Array.isArray(writeErrors) && writeErrors.length === 0);
  return noDocumentFailed && (errorResponse?.reason !== undefined || /ECONNREFUSED|ECONNRESET|EPIPE|closed|timed out/i.test(error.message));
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
