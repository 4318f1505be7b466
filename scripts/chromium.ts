import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, with nothing reaching beyond loopback; for the browser suites and the web bench. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
