import { startTestApi, type TestApi, passwordOf } from '../support/test-govflow';

/** The cookies a browser would keep from Set-Cookie answers (name → value), and their attributes as sent. */
class CookieJar {
  readonly values = new Map<string, string>();
  readonly attributes = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...rest] = line.split('; ');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      this.attributes.set(name, rest.join('; ').toLowerCase());
      if (value === '') this.values.delete(name);
      else this.values.set(name, value);
    }
  }

  header(names: string[]): string {
    return names.filter((name) => this.values.has(name)).map((name) => `${name}=${this.values.get(name)}`).join('; ');
  }
}

const apiCookies = ['govflow_access', 'govflow_csrf'];
const authCookies = ['govflow_access', 'govflow_refresh', 'govflow_csrf'];

describe('sessions: short access tokens, rotating refresh tokens, and the web app\'s cookie session', () => {
  let api: TestApi;
  let shortLived: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    shortLived = await startTestApi({ dbName: api.govflow.options.dbName, queuePrefix: api.govflow.options.queuePrefix }, { seed: false, accessTokenTtlSeconds: 2 });
  });
  afterAll(async () => {
    await shortLived.close();
    await api.close();
  });

  /** A request carrying the jar's cookies (the ones the path would get), answered and taken into the jar. */
  async function withCookies(jar: CookieJar, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: any }> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { cookie: jar.header(path.startsWith('/api/auth/') ? authCookies : apiCookies), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    jar.take(response);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') && text ? JSON.parse(text) : text };
  }

  async function cookieSignIn(username: string): Promise<CookieJar> {
    const jar = new CookieJar();
    const answer = await withCookies(jar, 'POST', '/api/auth/token', { username, password: passwordOf(username), session: 'cookie' });
    expect(answer.status).toBe(200);
    return jar;
  }

  it('rotates the refresh token on use; using a spent one again revokes the whole sign-in', async () => {
    const signedIn = (await api.call(undefined, 'POST', '/api/auth/token', { username: 'clerk', password: passwordOf('clerk') })).body;
    expect(signedIn).toMatchObject({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: 600, username: 'clerk', roles: ['clerk'] });
    // the store keeps only a hash of it
    expect(await api.govflow.store.models.refreshTokens.countDocuments({ _id: signedIn.refreshToken })).toBe(0);

    const refreshed = await api.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: signedIn.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(signedIn.refreshToken);
    expect(refreshed.body.token).not.toBe(signedIn.token);
    expect((await api.call(undefined, 'GET', '/api/tasks?scope=mine', undefined, { authorization: `Bearer ${refreshed.body.token}` })).status).toBe(200);

    // when the spent token comes back (it was copied), then it and its successor are refused
    const replay = await api.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: signedIn.refreshToken });
    expect([replay.status, replay.type]).toEqual([401, 'application/problem+json']);
    expect(replay.body.detail).toMatch(/used before/);
    const successor = await api.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(successor.status).toBe(401);

    // a sign-in of its own is not touched
    const other = (await api.call(undefined, 'POST', '/api/auth/token', { username: 'clerk', password: passwordOf('clerk') })).body;
    expect((await api.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
    expect((await api.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
  });

  it('signs out: the refresh token stops working', async () => {
    const signedIn = (await api.call(undefined, 'POST', '/api/auth/token', { username: 'leader', password: passwordOf('leader') })).body;
    expect((await api.call(undefined, 'POST', '/api/auth/sign-out', { refreshToken: signedIn.refreshToken })).status).toBe(204);
    expect((await api.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: signedIn.refreshToken })).status).toBe(401);
    expect((await api.call(undefined, 'POST', '/api/auth/sign-out', {})).status).toBe(401);
  });

  it('refuses an access token once its short life is over; the refresh token gets a new one', async () => {
    const signedIn = await shortLived.call(undefined, 'POST', '/api/auth/token', { username: 'supervisor', password: passwordOf('supervisor') });
    expect(signedIn.body.expiresIn).toBe(2); // at least one whole second, as exp counts in seconds
    const auth = { authorization: `Bearer ${signedIn.body.token}` };
    expect((await shortLived.call(undefined, 'GET', '/api/auth/session', undefined, auth)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const expired = await shortLived.call(undefined, 'GET', '/api/auth/session', undefined, auth);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/"exp" claim timestamp check failed/);
    const refreshed = await shortLived.call(undefined, 'POST', '/api/auth/refresh', { refreshToken: signedIn.body.refreshToken });
    expect((await shortLived.call(undefined, 'GET', '/api/auth/session', undefined, { authorization: `Bearer ${refreshed.body.token}` })).body.username).toBe('supervisor');
  });

  it('keeps the web session in httpOnly SameSite cookies, and hands no token to the page', async () => {
    const jar = new CookieJar();
    const signedIn = await withCookies(jar, 'POST', '/api/auth/token', { username: 'applicant', password: passwordOf('applicant'), session: 'cookie' });
    expect(signedIn.body).toEqual({ username: 'applicant', roles: ['applicant'], department: null, groups: [], expiresIn: 600 });
    expect(jar.attributes.get('govflow_access')).toMatch(/^path=\/api; expires=.*; samesite=strict; httponly$/);
    expect(jar.attributes.get('govflow_refresh')).toMatch(/^path=\/api\/auth; expires=.*; samesite=strict; httponly$/);
    // the CSRF token is readable by the page, and is not a token of the session
    expect(jar.attributes.get('govflow_csrf')).toMatch(/^path=\/; expires=.*; samesite=strict$/);
    expect(jar.values.get('govflow_csrf')).not.toContain('.');
    expect((await withCookies(jar, 'GET', '/api/auth/session')).body.username).toBe('applicant');
  });

  it('needs the X-CSRF-Token of the session for a cookie request that changes state, and none with a bearer token', async () => {
    const jar = await cookieSignIn('applicant');
    const start = { processKey: 'general-approval', title: 'CSRF', data: {} };
    const forged = await withCookies(jar, 'POST', '/api/cases', start);
    expect([forged.status, forged.type, forged.body.detail]).toEqual([403, 'application/problem+json', 'the X-CSRF-Token header is missing or does not match this session']);
    // a CSRF token of another session of the same user does not pass either
    const other = await cookieSignIn('applicant');
    expect((await withCookies(jar, 'POST', '/api/cases', start, { 'x-csrf-token': other.values.get('govflow_csrf') as string })).status).toBe(403);
    expect(await api.govflow.store.models.cases.countDocuments({ title: 'CSRF' })).toBe(0);
    const started = await withCookies(jar, 'POST', '/api/cases', start, { 'x-csrf-token': jar.values.get('govflow_csrf') as string });
    expect(started.status).toBe(201);
    // reads need no CSRF token; API clients with a bearer token need none at all
    expect((await withCookies(jar, 'GET', `/api/cases/${started.body.id}`)).status).toBe(200);
    expect((await api.call('applicant', 'POST', '/api/cases', { ...start, title: 'bearer' })).status).toBe(201);
  });

  it('refreshes the cookie session with its CSRF token, and signs out by clearing the cookies', async () => {
    const jar = await cookieSignIn('designer');
    const spent = jar.values.get('govflow_refresh') as string;
    const csrf = { 'x-csrf-token': jar.values.get('govflow_csrf') as string };
    expect((await withCookies(jar, 'POST', '/api/auth/refresh', {})).status).toBe(403);
    const refreshed = await withCookies(jar, 'POST', '/api/auth/refresh', {}, csrf);
    expect([refreshed.status, refreshed.body.username, refreshed.body.refreshToken]).toEqual([200, 'designer', undefined]);
    expect(jar.values.get('govflow_refresh')).not.toBe(spent);
    // a second tab refreshing with the same cookie at the same moment is not taken for a replay
    const secondTab = new CookieJar();
    secondTab.values.set('govflow_refresh', spent);
    expect((await withCookies(secondTab, 'POST', '/api/auth/refresh', {}, csrf)).status).toBe(200);
    expect(jar.attributes.get('govflow_access')).toMatch(/httponly$/);
    // the CSRF token stays the session's across refreshes
    expect(jar.values.get('govflow_csrf')).toBe(csrf['x-csrf-token']);

    const refreshCookie = jar.values.get('govflow_refresh') as string;
    expect((await withCookies(jar, 'POST', '/api/auth/sign-out', {})).status).toBe(403);
    expect((await withCookies(jar, 'POST', '/api/auth/sign-out', {}, csrf)).status).toBe(204);
    expect([...jar.values.keys()]).toEqual([]);
    expect(jar.attributes.get('govflow_access')).toMatch(/expires=thu, 01 jan 1970/);
    const stale = new CookieJar();
    stale.values.set('govflow_refresh', refreshCookie);
    stale.values.set('govflow_csrf', csrf['x-csrf-token']);
    expect((await withCookies(stale, 'POST', '/api/auth/refresh', {}, csrf)).status).toBe(401);
  });
});
