import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** An OpenID provider process the tests sign in through (oidc-provider.mjs). */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** A port free on loopback now, for a server whose address must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the provider on `port` for one client whose callback is `redirectUri`; resolves once it listens. */
export async function startIdentityProvider(port: number, redirectUri: string, names: Record<string, string> = {}): Promise<TestIdentityProvider> {
  const clientId = 'govflow';
  const clientSecret = 'test-client-secret-of-the-provider-process';
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs'), String(port), clientId, clientSecret, redirectUri], {
    env: { ...process.env, OIDC_TEST_NAMES: JSON.stringify(names), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('listening')) (clearTimeout(timer), resolve());
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the OpenID provider exited with ${code}: ${output}`))));
  });
  return {
    issuer: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
