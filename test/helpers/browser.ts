/**
 * What every browser test shares: where Chromium is, how it is started on these machines, where screenshots
 * go, and a text poller (playwright-core has no expect()).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SHOTS = join(ROOT, 'test-results');
export { ADMIN_PASSWORD, DEMO_PASSWORD } from './server.ts';
/** The network is closed here: without the background-networking flags Chromium keeps trying to reach Google. */
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function findBrowser(): string | undefined {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p));
}

/** Polls until the locator's text satisfies `ok`; generous, because CI machines are small and may be busy. */
export async function waitText(l: Locator, ok: (s: string) => boolean, what: string, timeout = 15_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = (await l.first().textContent({ timeout: 1000 }).catch(() => null)) ?? '';
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: last text was ${JSON.stringify(last)}`);
}
