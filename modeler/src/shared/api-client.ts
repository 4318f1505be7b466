/** Who is signed in, as the server answers from their current account. */
export interface Session {
  username: string;
  /** The person's name (张伟) and their department's, when the directory has them (GET /api/auth/session). */
  name?: string | null;
  roles: string[];
  department: string | null;
  departmentName?: string | null;
  groups: string[];
}

/** Why, as the server names it: a stable key and the values it names (engine/errors.ts, Reason). */
export interface ProblemReason {
  reason?: string;
  params?: Record<string, string | number>;
}

/** A problem+json answer: what went wrong and, for bad input, where; with the reasons pages put in their words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: Array<{ path?: string; message: string } & ProblemReason>,
    readonly why: ProblemReason = {},
  ) {
    super(detail || title);
  }
}

/*
 * The session lives in httpOnly cookies the server sets at sign-in: page scripts never hold a
 * token, and every tab of the browser shares the sign-in. The one cookie scripts read is the
 * CSRF token, echoed in X-CSRF-Token on requests that change state. When the short-lived access
 * cookie has run out, the first request answered 401 refreshes the session (once for all the
 * requests waiting on it) and is sent again.
 */

const csrfCookie = 'govflow_csrf';
const safeMethods = new Set(['GET', 'HEAD']);
let session: Session | null = null;
let refreshing: Promise<boolean> | null = null;

/** The signed-in user once startPage has asked the server (loadSession). */
export function currentSession(): Session | null {
  return session;
}

/** Asks the server who is signed in; null when nobody is (or the sign-in has ended). */
export async function loadSession(): Promise<Session | null> {
  try {
    session = await api<Session>('GET', '/api/auth/session');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    session = null;
  }
  return session;
}

/** Signs in with the session cookies, then asks who that is, so the page greets the person by name. */
export async function signIn(username: string, password: string): Promise<Session> {
  const answer = await request<Session>('POST', '/api/auth/token', { username, password, session: 'cookie' });
  session = { username: answer.username, roles: answer.roles, department: answer.department, groups: answer.groups };
  return (await loadSession().catch(() => null)) ?? session;
}

/** Ends the sign-in on the server (every tab) and forgets it here. */
export async function signOut(): Promise<void> {
  await send('POST', '/api/auth/sign-out', {}).catch(() => undefined);
  session = null;
}

/** Calls the API as the signed-in user; JSON in and out, BPMN XML when `body` is a string, multipart when it is FormData (an upload). */
export async function api<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const hadSession = session !== null;
  let response = await send(method, path, body, extraHeaders);
  if (response.status === 401 && (await refreshed())) response = await send(method, path, body, extraHeaders);
  if (response.status === 401 && hadSession) {
    session = null;
    location.reload(); // the page asks again and shows the sign-in form
  }
  return answer<T>(response);
}

/** A GET with the session's cookies, refreshed as `api` does; for answers that are not JSON (CSV exports). */
export async function download(path: string, accept: string): Promise<Response> {
  const response = await fetch(path, { headers: { accept } });
  if (response.status !== 401 || !(await refreshed())) return response;
  return fetch(path, { headers: { accept } });
}

function request<T>(method: string, path: string, body: unknown): Promise<T> {
  return send(method, path, body).then((response) => answer<T>(response));
}

function send(method: string, path: string, body: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  const csrf = csrfToken();
  if (csrf && !safeMethods.has(method)) headers['x-csrf-token'] = csrf;
  // FormData sets its own multipart type, with the boundary
  if (body instanceof FormData) return fetch(path, { method, headers, body });
  if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/xml' : 'application/json';
  return fetch(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Refreshes the cookie session; concurrent callers share one refresh. False when there is no session to refresh. */
function refreshed(): Promise<boolean> {
  if (!csrfToken()) return Promise.resolve(false);
  refreshing ??= send('POST', '/api/auth/refresh', {})
    .then((response) => response.ok)
    .finally(() => (refreshing = null));
  return refreshing;
}

function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith(`${csrfCookie}=`));
  return cookie ? decodeURIComponent(cookie.slice(csrfCookie.length + 1)) : undefined;
}

async function answer<T>(response: Response): Promise<T> {
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = (typeof payload === 'object' && payload ? payload : {}) as { title?: string; detail?: string; errors?: ApiError['errors'] } & ProblemReason;
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? String(payload), problem.errors ?? [], { reason: problem.reason, params: problem.params });
  }
  return payload as T;
}
