// A real OpenID provider (the oidc-provider package) for the sign-in tests, in a process of its
// own on 127.0.0.1: one confidential client, PKCE required, the package's development login
// page (any login signs in as that subject). Arguments: port, client id, client secret, redirect
// URI; OIDC_TEST_NAMES maps subjects to the `name` claim.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const names = JSON.parse(process.env.OIDC_TEST_NAMES ?? '{}');

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(names[sub] ? { name: names[sub] } : {}) }) }),
  cookies: { keys: ['govflow test provider cookies, not a secret'] },
  features: { devInteractions: { enabled: true } },
});

createServer(provider.callback()).listen(Number(port), '127.0.0.1', () => console.log('listening'));
