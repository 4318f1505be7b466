import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import * as oidc from 'openid-client';
import { ServiceUnavailableError, UnauthenticatedError, type ProviderIdentity } from '../../engine';

/** The installation's OpenID provider (统一身份认证), from GOVFLOW_OIDC_*. */
export interface OidcOptions {
  /** The provider's issuer URL; https, or http on this machine only (a provider the tests start). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This installation's callback as registered at the provider: `https://…/api/auth/oidc/callback`. */
  redirectUri: string;
  /** What the sign-in button says; default 统一身份认证登录. */
  label?: string;
}

/** A sign-in the callback cannot finish: no flow started here (or it expired), or the provider did not confirm it. */
export class OidcFlowError extends UnauthenticatedError {
  override name = 'OidcFlowError';
  constructor(
    readonly reason: 'expired' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/** What the browser carries from the start of a sign-in to its callback, signed so it cannot be changed. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  /** The page to land on once signed in. */
  back: string;
}

const flowCookie = 'govflow_oidc';
const flowMaxAgeMs = 10 * 60_000;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Signing in through the OpenID provider with the authorization code flow, PKCE and a nonce
 * (openid-client). The start sends the browser to the provider with a signed flow cookie; the
 * callback checks state, nonce and verifier against it, redeems the code and answers who the
 * provider says signed in. The provider's metadata is discovered at the first sign-in and kept;
 * a failed discovery is tried again at the next.
 */
export class OidcSignIn {
  readonly label: string;
  readonly #options: OidcOptions;
  readonly #key: Buffer;
  #config: Promise<oidc.Configuration> | null = null;

  constructor(options: OidcOptions, secret: string) {
    const issuer = new URL(options.issuer);
    if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopbackHosts.has(issuer.hostname))) {
      throw new Error(`GOVFLOW_OIDC_ISSUER must be an https URL (http only on this machine), not ${options.issuer}`);
    }
    this.#options = options;
    this.label = options.label ?? '统一身份认证登录';
    this.#key = createHmac('sha256', secret).update('govflow oidc flow').digest();
  }

  /** The issuer the provider's subjects belong to, as configured. */
  get issuer(): string {
    return this.#options.issuer;
  }

  /** The provider's authorization URL for a new sign-in that lands on `back`; sets the flow cookie. */
  async start(ctx: Context, back: string): Promise<URL> {
    const config = await this.#configuration();
    const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), back };
    const challenge = await oidc.calculatePKCECodeChallenge(flow.verifier);
    this.#setFlow(ctx, flow);
    return oidc.buildAuthorizationUrl(config, { redirect_uri: this.#options.redirectUri, scope: 'openid profile', state: flow.state, nonce: flow.nonce, code_challenge: challenge, code_challenge_method: 'S256' });
  }

  /** Redeems the callback's code; the person the provider vouches for, and the page to land on. Throws UnauthenticatedError for any flow that does not check out. */
  async finish(ctx: Context): Promise<{ identity: ProviderIdentity; back: string }> {
    const flow = this.#flowOf(ctx);
    ctx.cookies.set(flowCookie, '', { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', overwrite: true });
    if (!flow) throw new OidcFlowError('expired', 'the sign-in took too long or was not started here; start it again');
    const config = await this.#configuration();
    const callback = new URL(this.#options.redirectUri);
    callback.search = ctx.querystring;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
      const claims = tokens.claims();
      if (!claims?.sub) throw new Error('the ID token names no subject');
      // a code flow's ID token may carry only the subject; the profile is the userinfo endpoint's
      const name = typeof claims.name === 'string' ? claims.name : (await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)).name;
      return { identity: { issuer: claims.iss, subject: claims.sub, ...(name ? { name } : {}) }, back: flow.back };
    } catch (error) {
      throw new OidcFlowError('refused', `the identity provider did not confirm the sign-in: ${(error as Error).message}`);
    }
  }

  #configuration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.#options;
    const insecure = new URL(issuer).protocol === 'http:';
    this.#config ??= oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined).catch((error: unknown) => {
      this.#config = null;
      throw new ServiceUnavailableError('identity-provider', error);
    });
    return this.#config;
  }

  /** Lax, not Strict: the callback is a top-level navigation from the provider's site, and must carry it. */
  #setFlow(ctx: Context, flow: Flow): void {
    const value = Buffer.from(JSON.stringify({ ...flow, until: Date.now() + flowMaxAgeMs })).toString('base64url');
    ctx.cookies.set(flowCookie, `${value}.${this.#sign(value)}`, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', maxAge: flowMaxAgeMs, overwrite: true });
  }

  #flowOf(ctx: Context): Flow | null {
    const [value, signature] = (ctx.cookies.get(flowCookie) ?? '').split('.');
    if (!value || !signature) return null;
    const expected = Buffer.from(this.#sign(value));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Flow & { until: number };
    return flow.until > Date.now() ? flow : null;
  }

  #sign(value: string): string {
    return createHmac('sha256', this.#key).update(value).digest('base64url');
  }
}
