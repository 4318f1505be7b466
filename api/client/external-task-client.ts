import { randomUUID } from 'node:crypto';
import type { LockedExternalTask } from '../../engine/external-tasks';

export type { LockedExternalTask } from '../../engine/external-tasks';

export interface ExternalTaskClientOptions {
  /** Where govflow answers, e.g. https://govflow.example.gov.cn */
  baseUrl: string;
  /** The client credentials an administrator issued (POST /api/clients). */
  clientId: string;
  clientSecret: string;
  /** How often a call is tried when govflow cannot be reached or answers 503; default 3. */
  attempts?: number;
}

/** govflow refused a call: the problem's status, title and detail as it answered them. */
export class ExternalTaskCallError extends Error {
  override name = 'ExternalTaskCallError';
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; errors?: Array<{ path?: string; message: string }> },
  ) {
    super(`govflow answered ${status}: ${problem.detail ?? problem.title ?? 'no detail'}`);
  }
}

export interface FetchTopic {
  name: string;
  lockMs: number;
}

/**
 * A typed client of govflow's external-task calls for another department's system: signs in
 * with its client credentials (again when its token runs out), and sends every changing call
 * with an Idempotency-Key kept across its own retries, so a call whose answer was lost is
 * never done twice. Copy it, or use it as it is.
 */
export class ExternalTaskClient {
  readonly #options: Required<ExternalTaskClientOptions>;
  #token: { value: string; until: number } | undefined;

  constructor(options: ExternalTaskClientOptions) {
    this.#options = { attempts: 3, ...options, baseUrl: options.baseUrl.replace(/\/$/, '') };
  }

  /** Locks up to `max` tasks of the topics; with none, waits up to `waitMs` for one. */
  fetchAndLock(request: { workerId: string; topics: FetchTopic[]; max?: number; waitMs?: number }): Promise<LockedExternalTask[]> {
    return this.#call('/external-tasks/fetch-and-lock', request);
  }

  complete(taskId: string, workerId: string, variables: Record<string, unknown> = {}): Promise<{ caseId: string; caseStatus: string }> {
    return this.#call(`/external-tasks/${encodeURIComponent(taskId)}/complete`, { workerId, variables });
  }

  fail(taskId: string, workerId: string, report: { message: string; details?: string; retries: number; retryInMs?: number }): Promise<{ retries: number; incidentId: string | null }> {
    return this.#call(`/external-tasks/${encodeURIComponent(taskId)}/failure`, { workerId, ...report });
  }

  bpmnError(taskId: string, workerId: string, error: { code: string; message?: string; variables?: Record<string, unknown> }): Promise<{ caseStatus: string; incidentId?: string }> {
    return this.#call(`/external-tasks/${encodeURIComponent(taskId)}/bpmn-error`, { workerId, ...error });
  }

  extendLock(taskId: string, workerId: string, lockMs: number): Promise<{ lockExpiresAt: string }> {
    return this.#call(`/external-tasks/${encodeURIComponent(taskId)}/extend-lock`, { workerId, lockMs });
  }

  unlock(taskId: string, workerId: string): Promise<{ id: string }> {
    return this.#call(`/external-tasks/${encodeURIComponent(taskId)}/unlock`, { workerId });
  }

  /** POSTs `body` as the client, with one Idempotency-Key for all its tries; signs in again once on a 401. */
  async #call<T>(path: string, body: unknown): Promise<T> {
    const key = randomUUID();
    let signedInAgain = false;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.#options.baseUrl}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.#accessToken()}`, 'idempotency-key': key }, body: JSON.stringify(body) });
      } catch (error) {
        if (attempt >= this.#options.attempts) throw error;
        await pause(attempt);
        continue;
      }
      if (response.ok) return (await response.json()) as T;
      if (response.status === 401 && !signedInAgain) {
        signedInAgain = true;
        this.#token = undefined;
        continue;
      }
      if (response.status === 503 && attempt < this.#options.attempts) {
        await pause(attempt);
        continue;
      }
      throw new ExternalTaskCallError(response.status, (await response.json().catch(() => ({}))) as ExternalTaskCallError['problem']);
    }
  }

  /** The client's access token, signed in for again a minute before it runs out. */
  async #accessToken(): Promise<string> {
    if (this.#token && this.#token.until > Date.now()) return this.#token.value;
    const response = await fetch(`${this.#options.baseUrl}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: this.#options.clientId, password: this.#options.clientSecret }) });
    if (!response.ok) throw new ExternalTaskCallError(response.status, (await response.json().catch(() => ({}))) as ExternalTaskCallError['problem']);
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    this.#token = { value: token, until: Date.now() + Math.max(0, expiresIn - 60) * 1000 };
    return token;
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200 * 2 ** (attempt - 1)));
}
