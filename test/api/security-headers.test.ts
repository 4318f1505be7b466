import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

describe('security headers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const expectHardened = (headers: Headers) => {
    const policy = headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-powered-by')).toBeNull();
  };

  it('are on a web page', async () => {
    const page = await fetch(`${api.url}/modeler.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expectHardened(page.headers);
  });

  it('are on an API answer in JSON', async () => {
    const token = (await api.call(undefined, 'POST', '/api/auth/token', { username: 'designer', password: passwordOf('designer') })).body.token;
    const answer = await fetch(`${api.url}/api/definitions`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expectHardened(answer.headers);
  });

  it.each([
    ['an unknown route', '/api/no-such-thing', 404],
    ['a protected route without a token', '/api/definitions', 401],
  ])('are on a problem answer: %s', async (_name, path, status) => {
    const answer = await fetch(`${api.url}${path}`);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expectHardened(answer.headers);
  });
});
