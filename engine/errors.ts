/**
 * govflow's errors. Every error a caller can cause is a GovflowError with a stable string
 * `code`, the HTTP status the API answers with, and typed `details`; the API's one error
 * middleware turns them into application/problem+json.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'case-too-large'
  | 'definition-rejected'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'busy'
  | 'too-many-requests'
  | 'incident'
  | 'store-unavailable'
  | 'queue-unavailable'
  | 'identity-provider-unavailable'
  | 'outcome-unknown';

/**
 * Why something was refused, as a stable key and the values it names (a task's step, a user's
 * name): the API sends both beside its English message, and each page says it in its own words
 * (modeler/src/shared/problem-words.ts). The message may change; the key does not.
 */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
}

export interface ProblemDetail {
  /** Where the problem is: a JSON pointer into the body, a query parameter, or a BPMN element id. */
  path?: string;
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
}

export class GovflowError extends Error {
  override name = 'GovflowError';
  /** Seconds after which a retry may succeed; sent as Retry-After. */
  retryAfterSeconds?: number;
  /** Why, for the pages; the error's code when no finer reason is given. */
  readonly problemReason: Reason;
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: ProblemDetail[] = [],
    options?: { cause?: unknown; reason?: Reason },
  ) {
    super(message, options);
    this.problemReason = options?.reason ?? { key: code };
  }
}

/** Thrown by validation at the API edge and by commands whose input breaks a rule; 400 or 422. */
export class InvalidInputError extends GovflowError {
  override name = 'InvalidInputError';
  constructor(message: string, details: ProblemDetail[] = [], status: 400 | 422 = 400) {
    super('invalid-input', status, message, details);
  }
}

/** Thrown by the auth middleware when a request carries no valid token or wrong credentials. */
export class UnauthenticatedError extends GovflowError {
  override name = 'UnauthenticatedError';
  constructor(message = 'a valid bearer token is required') {
    super('unauthenticated', 401, message);
  }
}

/** Thrown when the caller's role or relation to a case or task does not allow the action. */
export class ForbiddenError extends GovflowError {
  override name = 'ForbiddenError';
  constructor(message: string, reason?: Reason) {
    super('forbidden', 403, message, [], { reason });
  }
}

/** Thrown when a definition, case, task or user does not exist or is not visible to the caller; the reason names what and which. */
export class NotFoundError extends GovflowError {
  override name = 'NotFoundError';
  constructor(what: string, id: string) {
    super('not-found', 404, `${what} ${JSON.stringify(id)} was not found`, [], { reason: { key: 'not-found', params: { what, id } } });
  }
}

/** Thrown by commands when the case or task is not in a state that allows the action. */
export class ConflictError extends GovflowError {
  override name = 'ConflictError';
  constructor(message: string, reason?: Reason) {
    super('conflict', 409, message, [], { reason });
  }
}

/**
 * Thrown by the executor when the next revision of a case would outgrow what a case may hold,
 * far below MongoDB's 16 MB document limit; nothing is written and the case stays as it was.
 */
export class CaseTooLargeError extends GovflowError {
  override name = 'CaseTooLargeError';
  constructor(receiptNo: string, bytes: number, limit: number) {
    const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
    super(
      'case-too-large',
      409,
      `case ${receiptNo} would grow to ${mb(bytes)}, beyond the ${mb(limit)} one case may hold (its opinions, materials, variables and history); nothing was changed — ask an administrator to archive the case or split the work into a new one`,
    );
  }
}

/** Thrown by deploy when the BPMN does not parse or breaks a lint rule; details name each element. */
export class DefinitionRejectedError extends GovflowError {
  override name = 'DefinitionRejectedError';
  constructor(message: string, details: ProblemDetail[]) {
    super('definition-rejected', 422, message, details);
  }
}

/** Thrown by deploy when the model is larger than a model may be (model-limits.ts); 413. */
export class PayloadTooLargeError extends GovflowError {
  override name = 'PayloadTooLargeError';
  constructor(message: string) {
    super('payload-too-large', 413, message);
  }
}

/**
 * Thrown when this node is too busy to take the work now (deploy while its model checks are
 * all taken and queued); 503, and the API says when to try again in Retry-After.
 */
export class BusyError extends GovflowError {
  override name = 'BusyError';
  constructor(message: string, retryAfterSeconds: number) {
    super('busy', 503, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Thrown by CaseEngine when bpmn-engine fails while it runs a command on the case's data: a
 * condition no flow satisfies, a timer value that is no duration, a loop collection that is no
 * list — what deploy cannot check, since the value is known only at run time. Carries the
 * failing element's id when bpmn-elements names it. The executor turns it into an incident on
 * the case and answers IncidentError; on its own it answers 409 too, never a 500.
 */
export class ProcessRunError extends GovflowError {
  override name = 'ProcessRunError';
  constructor(
    /** The BPMN element the engine failed at, or null when its error names none. */
    readonly elementId: string | null,
    /** The engine's own words for the failure. */
    readonly reason: string,
    cause: unknown,
  ) {
    super('incident', 409, `the process engine failed${elementId ? ` at ${elementId}` : ''}: ${reason}`, elementId ? [{ path: elementId, message: reason }] : [], { cause });
  }
}

/**
 * Thrown by the executor when a command failed inside the process engine (a ProcessRunError):
 * nothing of the command was kept, the failure is recorded as an incident (case, element,
 * error, time) for an administrator to retry or close, and the caller hears which element failed and why.
 */
export class IncidentError extends GovflowError {
  override name = 'IncidentError';
  constructor(
    readonly elementId: string,
    readonly elementName: string,
    readonly reason: string,
    /** The incident the failure was recorded as; null when recording it failed too (it was logged). */
    readonly incidentId: string | null,
    cause: unknown,
  ) {
    const recorded = incidentId ? `; it was recorded as incident ${incidentId} for an administrator` : '';
    super('incident', 409, `step "${elementName}" (${elementId}) failed in the process engine: ${reason}. Nothing was changed${recorded}`, [{ path: elementId, message: reason }], { cause });
  }
}

/** Thrown at the API edge when a body arrives in a media type the endpoint does not take. */
export class UnsupportedMediaTypeError extends GovflowError {
  override name = 'UnsupportedMediaTypeError';
  constructor(message: string) {
    super('unsupported-media-type', 415, message);
  }
}

/**
 * The store, Redis (for what truly needs it) or the identity provider did not answer in time.
 * Nothing was changed: the request failed before it wrote, so trying again later is safe.
 */
export class ServiceUnavailableError extends GovflowError {
  override name = 'ServiceUnavailableError';
  constructor(service: 'store' | 'queue' | 'identity-provider', cause?: unknown) {
    const what = { store: 'the case store', queue: 'the job queue (Redis)', 'identity-provider': 'the identity provider (统一身份认证)' }[service];
    const code = ({ store: 'store-unavailable', queue: 'queue-unavailable', 'identity-provider': 'identity-provider-unavailable' } as const)[service];
    super(code, 503, `${what} is not answering; nothing was changed — try again in a few seconds`, [], { cause });
    this.retryAfterSeconds = 5;
  }
}

/**
 * The store stopped answering while a change was being written: the change may or may not
 * have been made, and this node cannot tell. Retrying with the same Idempotency-Key makes it
 * happen exactly once.
 */
export class OutcomeUnknownError extends GovflowError {
  override name = 'OutcomeUnknownError';
  constructor(cause?: unknown) {
    super('outcome-unknown', 503, 'the case store stopped answering while the change was being written, so whether it was made is not known — retry with the same Idempotency-Key header, which makes it happen exactly once', [], { cause });
    this.retryAfterSeconds = 5;
  }
}

/**
 * Thrown by the sign-in throttle when an account, an address or both have failed too often:
 * 429, and the answer's Retry-After says in how many seconds to try again.
 */
export class TooManyRequestsError extends GovflowError {
  override name = 'TooManyRequestsError';
  constructor(message: string, retryAfterSeconds: number) {
    super('too-many-requests', 429, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
