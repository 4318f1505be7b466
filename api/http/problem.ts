import type { Context, Next } from 'koa';
import { GovflowError, isQueueUnavailable, isStoreUnavailable, OutcomeUnknownError, ServiceUnavailableError, type Logger, type Reason } from '../../engine';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  /** raw-body's limit in bytes, on 'entity.too.large'. */
  limit?: number;
  message: string;
}

/** Messages for errors raised by Koa's body parser (raw-body, co-body), keyed by their `type`. */
const parserMessages: Record<string, (error: HttpLikeError) => string> = {
  'entity.too.large': (error) => `the request body is larger than this endpoint accepts${error.limit === undefined ? '' : ` (at most ${kilobytes(error.limit)} KB)`}`,
  'encoding.unsupported': () => 'the request body has an unsupported content encoding',
};

function kilobytes(bytes: number): string {
  return Math.floor(bytes / 1024).toLocaleString('en-US');
}

/**
 * The one error sink (STYLE.md): every error leaves as application/problem+json. A GovflowError
 * keeps its code, status and details; a parser error keeps its 4xx status; anything else is a
 * 500 whose internals are logged, never sent.
 */
export function problemResponses(log: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        writeProblem(ctx, 404, 'not-found', `no route for ${ctx.method} ${ctx.path}`);
      }
      // the router answers a known path's other methods without a body; Allow stays as it set it
      if (ctx.status === 405 && ctx.body === undefined) {
        const allowed = ctx.response.get('Allow');
        writeProblem(ctx, 405, 'method-not-allowed', `${ctx.method} is not allowed on ${ctx.path}${allowed ? `; use ${allowed}` : ''}`);
      }
    } catch (thrown) {
      const error = asServiceFault(thrown, ctx.method);
      if (error instanceof GovflowError) {
        writeProblem(ctx, error.status, error.code, error.message, error.details, error.problemReason);
        // a busy node or a service away says when to try again; nothing in this node failed
        if (error.retryAfterSeconds !== undefined) {
          ctx.set('Retry-After', String(error.retryAfterSeconds));
          if (error.status >= 500) log.warn({ path: ctx.path, code: error.code, retryAfter: error.retryAfterSeconds }, error.message);
        } else if (error.status >= 500) log.error({ err: error, path: ctx.path }, 'request failed');
        return;
      }
      const httpError = error as HttpLikeError;
      const status = httpError.status ?? httpError.statusCode ?? 500;
      if (error instanceof SyntaxError && status === 400) {
        writeProblem(ctx, 400, 'invalid-json', `the request body is not valid JSON: ${error.message}`);
        return;
      }
      if (status < 500 && httpError.expose !== false) {
        writeProblem(ctx, status, httpError.type ?? 'bad-request', parserMessages[httpError.type ?? '']?.(httpError) ?? httpError.message);
        return;
      }
      log.error({ err: error, path: ctx.path }, 'request failed');
      writeProblem(ctx, 500, 'internal', 'the server failed to handle the request; it was logged');
    }
  };
}

/**
 * The store or Redis not answering, met outside the executor (which tells a failed write from
 * one whose outcome is unknown itself): a read changed nothing; a change may have been made.
 */
function asServiceFault(error: unknown, method: string): unknown {
  if (error instanceof GovflowError) return error;
  if (isStoreUnavailable(error)) return method === 'GET' || method === 'HEAD' ? new ServiceUnavailableError('store', error) : new OutcomeUnknownError(error);
  if (isQueueUnavailable(error)) return new ServiceUnavailableError('queue', error);
  return error;
}

/** Writes an RFC 9457 problem document. */
export function writeProblem(ctx: Context, status: number, code: string, detail: string, errors: unknown[] = [], reason: Reason = { key: code }): void {
  ctx.status = status;
  ctx.type = 'application/problem+json';
  ctx.body = {
    type: `https://govflow.dev/problems/${code}`,
    title: code,
    status,
    detail,
    instance: ctx.path,
    reason: reason.key,
    params: reason.params ?? {},
    ...(errors.length > 0 ? { errors } : {}),
  };
}
