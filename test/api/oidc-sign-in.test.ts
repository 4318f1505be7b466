import { OidcSignIn } from '../../api/auth/oidc-sign-in';
import { freePort, startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider';
import { startTestApi, type TestApi } from '../support/test-govflow';

const noRedirect = { redirect: 'manual' } as const;

/** The set-cookie lines of an answer, by cookie name. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/**
 * The OpenID sign-in's refusals and the administrators' links, against a real provider process:
 * no provider configured, one that cannot be reached, a landing page of another site, a forged
 * or tampered callback; linking a subject once, and unlinking it.
 */
describe('sign-in through an OpenID provider: the routes around it', () => {
  let api: TestApi;
  let bare: TestApi;
  let provider: TestIdentityProvider;

  beforeAll(async () => {
    const [apiPort, providerPort] = [await freePort(), await freePort()];
    const redirectUri = `http://127.0.0.1:${apiPort}/api/auth/oidc/callback`;
    provider = await startIdentityProvider(providerPort, redirectUri);
    api = await startTestApi({}, { port: apiPort, oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri, label: '浙里办登录' } });
    bare = await startTestApi({}, { seed: true });
  });
  afterAll(async () => {
    await api?.close();
    await bare?.close();
    await provider?.close();
  });

  it('says whether a provider is configured, and answers 404 for its routes when none is', async () => {
    expect((await api.call(undefined, 'GET', '/api/auth/providers')).body).toEqual({ oidc: { label: '浙里办登录', start: '/api/auth/oidc/start' } });
    expect((await bare.call(undefined, 'GET', '/api/auth/providers')).body).toEqual({ oidc: null });
    const start = await bare.call(undefined, 'GET', '/api/auth/oidc/start');
    expect(start.status).toBe(404);
    expect(start.type).toContain('application/problem+json');
    expect((await bare.call('admin', 'PUT', '/api/users/clerk/identity', { subject: 'someone' })).status).toBe(404);
  });

  it('sends the browser to the provider with PKCE, a state and a nonce, in a signed Lax cookie of its own path', async () => {
    const response = await fetch(`${api.url}/api/auth/oidc/start?return=${encodeURIComponent('/hall.html#cases')}`, noRedirect);
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({ client_id: 'govflow', response_type: 'code', scope: 'openid profile', code_challenge_method: 'S256', redirect_uri: `${api.url}/api/auth/oidc/callback` });
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(target.searchParams.get(parameter)).toMatch(/^[\w-]{43,}$/);
    const flow = cookiesOf(response).get('govflow_oidc');
    expect(flow).toMatch(/; path=\/api\/auth\/oidc;.*samesite=lax; httponly$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lands only on a page of this site', async () => {
    for (const elsewhere of ['https://evil.example/', '//evil.example/hall.html', '/\\evil.example', 'hall.html']) {
      const refused = await api.call(undefined, 'GET', `/api/auth/oidc/start?return=${encodeURIComponent(elsewhere)}`);
      expect([elsewhere, refused.status]).toEqual([elsewhere, 400]);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'return', message: 'a path of this site, such as /hall.html' })]);
    }
  });

  it('signs nobody in on a callback that is forged, tampered with or not started here', async () => {
    const started = await fetch(`${api.url}/api/auth/oidc/start`, noRedirect);
    const flow = cookiesOf(started).get('govflow_oidc')!.split(';')[0];
    const state = new URL(started.headers.get('location')!).searchParams.get('state');
    const callback = (query: string, cookie?: string) => fetch(`${api.url}/api/auth/oidc/callback?${query}`, { ...noRedirect, headers: cookie ? { cookie } : {} });

    const forgedCode = await callback(`code=forged&state=${state}&iss=${encodeURIComponent(provider.issuer)}`, flow);
    expect(forgedCode.status).toBe(302);
    expect(forgedCode.headers.get('location')).toBe('/index.html?signInError=refused');
    const wrongState = await callback(`code=forged&state=not-the-one&iss=${encodeURIComponent(provider.issuer)}`, flow);
    expect(wrongState.headers.get('location')).toBe('/index.html?signInError=refused');
    const denied = await callback(`error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`, flow);
    expect(denied.headers.get('location')).toBe('/index.html?signInError=refused');
    const tampered = await callback(`code=forged&state=${state}`, `${flow.slice(0, -3)}abc`);
    expect(tampered.headers.get('location')).toBe('/index.html?signInError=expired');
    expect((await callback('code=forged&state=x')).headers.get('location')).toBe('/index.html?signInError=expired');
    for (const answer of [forgedCode, wrongState, denied, tampered]) {
      expect(cookiesOf(answer).has('govflow_access')).toBe(false);
      // the flow is spent either way
      expect(cookiesOf(answer).get('govflow_oidc')).toMatch(/^govflow_oidc=;/);
    }
  });

  it('answers 503 while the provider cannot be reached, and tries it again on the next sign-in', async () => {
    const unreachable = await startTestApi({}, { seed: false, oidc: { issuer: `http://127.0.0.1:${await freePort()}`, clientId: 'govflow', clientSecret: 'x', redirectUri: 'http://127.0.0.1:1/api/auth/oidc/callback' } });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await unreachable.call(undefined, 'GET', '/api/auth/oidc/start');
        expect(answer.status).toBe(503);
        expect(answer.body.title).toBe('identity-provider-unavailable');
        expect(answer.headers.get('retry-after')).toBe('5');
      }
    } finally {
      await unreachable.close();
    }
  });

  it('refuses an issuer that is not https, but on this machine', () => {
    const options = { clientId: 'govflow', clientSecret: 'x', redirectUri: 'https://zwfw.example.gov.cn/api/auth/oidc/callback' };
    expect(() => new OidcSignIn({ ...options, issuer: 'http://idp.example.gov.cn' }, 'a secret of at least thirty-two characters')).toThrow(/must be an https URL/);
    expect(new OidcSignIn({ ...options, issuer: 'https://idp.example.gov.cn' }, 'a secret of at least thirty-two characters').issuer).toBe('https://idp.example.gov.cn');
  });

  it('links a subject to one user at a time, audited, and unlinks it', async () => {
    expect((await api.call('admin', 'PUT', '/api/users/clerk2/identity', { subject: '' })).status).toBe(400);
    expect((await api.call('admin', 'PUT', '/api/users/nobody/identity', { subject: 'staff-1' })).status).toBe(404);
    expect((await api.call('admin', 'PUT', '/api/users/clerk2/identity', { subject: 'staff-1' })).status).toBe(200);
    // the same link again changes nothing; another user cannot take it
    expect((await api.call('admin', 'PUT', '/api/users/clerk2/identity', { subject: 'staff-1' })).status).toBe(200);
    expect((await api.call('admin', 'PUT', '/api/users/leader/identity', { subject: 'staff-1' })).status).toBe(409);
    // a new subject replaces the user's old one, which is free again
    expect((await api.call('admin', 'PUT', '/api/users/clerk2/identity', { subject: 'staff-2' })).status).toBe(200);
    expect((await api.call('admin', 'PUT', '/api/users/leader/identity', { subject: 'staff-1' })).status).toBe(200);
    const unlinked = await api.call('admin', 'PUT', '/api/users/clerk2/identity', { subject: null });
    expect(unlinked.body).toMatchObject({ username: 'clerk2', subject: null });
    expect((await api.call('admin', 'PUT', '/api/users/clerk2/identity', { subject: null })).status).toBe(404);
    const trail = (await api.call('admin', 'GET', '/api/users/clerk2/audit')).body.items.map((entry: { action: string }) => entry.action);
    expect(trail.filter((action: string) => action.startsWith('user.identity'))).toEqual(['user.identity-linked', 'user.identity-linked', 'user.identity-unlinked']);
  });
});
