/** Who is signed in, as the token endpoint answered. */
export interface Session {
  token: string;
  username: string;
  roles: string[];
  department: string | null;
  groups: string[];
}

/** A problem+json answer: what went wrong and, for bad input, where. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: Array<{ path?: string; message: string }>,
  ) {
    super(detail || title);
  }
}

const sessionKey = 'govflow.session';

export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(sessionKey);
  return stored ? (JSON.parse(stored) as Session) : null;
}

export async function signIn(username: string, password: string): Promise<Session> {
  const answer = await request<Omit<Session, 'token'> & { token: string }>('POST', '/api/auth/token', { username, password }, null);
  const session: Session = { token: answer.token, username: answer.username, roles: answer.roles, department: answer.department, groups: answer.groups };
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(sessionKey);
}

/** Calls the API as the signed-in user; JSON in and out, BPMN XML when `body` is a string. */
export function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body, currentSession());
}

async function request<T>(method: string, path: string, body: unknown, session: Session | null): Promise<T> {
  const headers: Record<string, string> = {};
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/xml' : 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401 && session) {
    signOut();
    location.reload();
  }
  if (!response.ok) {
    const problem = (typeof payload === 'object' && payload ? payload : {}) as { title?: string; detail?: string; errors?: ApiError['errors'] };
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? String(payload), problem.errors ?? []);
  }
  return payload as T;
}
