import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../api';
import { createLogger, Govflow, systemActor } from '../engine';
import { webDist } from '../scripts/build-web';
import { launchChromium } from '../scripts/chromium';
import { projectRoot, type LocalServices } from '../scripts/services';
import { median } from './stats';

export interface InteractiveFigures {
  /** The first load in a fresh browser, then later loads (each in a new context, cache cold per context). */
  firstMs: number;
  samplesMs: number[];
  medianMs: number;
}

/** The modeler page with the licensing model open: canvas shapes drawn and the properties panel shown. */
const modelerPath = 'modeler.html#/edit/licensing-general';

/**
 * Time to interactive of the modeler: from navigation start to the diagram drawn and the
 * properties panel ready, in headless Chromium against a real API node on loopback.
 */
export async function modelerTimeToInteractive(services: LocalServices, loads: number): Promise<InteractiveFigures> {
  const name = `bench_web_${randomBytes(3).toString('hex')}`;
  const govflow = await Govflow.create({ mongodbUri: services.mongodbUri, redisUrl: services.redisUrl, dbName: name, queuePrefix: name, logger: createLogger('bench', 2) });
  const server = createServer(createApp(govflow, { jwtSecret: randomBytes(32).toString('hex'), webRoot: webDist }).callback());
  const browser = await launchChromium();
  try {
    // a password the policy accepts (password-policy.ts); the bench signs in with it once
    const password = `Bench-${randomBytes(9).toString('base64url')}-9`;
    await govflow.users.add({ username: 'designer', password, roles: ['designer'] });
    await govflow.definitions.deploy(readFileSync(join(projectRoot, 'processes', 'licensing-general.bpmn'), 'utf8'), systemActor);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const samples: number[] = [];
    for (let load = 0; load < loads; load++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      // signed in before the page loads: the session cookies the sign-in form would set, shared by the context
      const signIn = await context.request.post(`${base}/api/auth/token`, { data: { username: 'designer', password, session: 'cookie' } });
      if (!signIn.ok()) throw new Error(`the bench's designer could not sign in: ${signIn.status()} ${await signIn.text()}`);
      const page = await context.newPage();
      await page.goto(`${base}/${modelerPath}`);
      await page.waitForSelector('.djs-container .djs-element', { timeout: 30_000 });
      await page.waitForSelector('.bio-properties-panel', { timeout: 30_000 });
      samples.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    const [firstMs, ...later] = samples;
    return { firstMs: Math.round(firstMs), samplesMs: later.map(Math.round), medianMs: Math.round(median(later)) };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  }
}

