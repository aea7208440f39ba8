/**
 * What every browser test shares: where Chromium is, how it is started on these machines, where screenshots
 * go, and a text poller (playwright-core has no expect()).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { serve } from '../../src/server/serve.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { RunningPlatform } from '../../src/server/platform.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './server.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SHOTS = join(ROOT, 'test-results');
export { ADMIN_PASSWORD, DEMO_PASSWORD };
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

export interface BrowserSession {
  platform: RunningPlatform;
  browser: Browser;
  page: Page;
  /** Uncaught errors in the page; a test asserts this stays empty. */
  pageErrors: string[];
  /** One step of the story: later steps are skipped once one fails, and the page at the failure is saved. */
  step(name: string, fn: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real platform in-process (temp PGlite data dir, demo data, any free port) and Chromium, started side by side.
 * Without a browser: fails under CI, skips elsewhere (returns null).
 */
export async function browserSession(t: TestContext, name: string, opts: { acceptDownloads?: boolean } = {}): Promise<BrowserSession | null> {
  const executablePath = findBrowser();
  if (!executablePath) {
    const msg = 'no Chromium/Chrome found: install chromium (apt-get install -y chromium fonts-wqy-microhei) or set CHROME_PATH';
    if (process.env.CI) assert.fail(`browser test cannot run in CI: ${msg}`);
    t.skip(msg);
    return null;
  }
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(r.status, 0, 'web build failed');
  }
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `shuangtan-browser-${name}-`));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SHUANGTAN_ADMIN_PASSWORD: ADMIN_PASSWORD, SHUANGTAN_DEMO_PASSWORD: DEMO_PASSWORD });
  const [platform, browser] = await Promise.all([
    serve(config, () => {}),
    chromium.launch({ executablePath, args: BROWSER_ARGS }),
  ]);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: opts.acceptDownloads ?? false });
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let failed = false;
  return {
    platform, browser, page, pageErrors,
    step: (stepName, fn) => t.test(stepName, async (st) => {
      if (failed) { st.skip('an earlier step failed'); return; }
      try {
        await fn();
      } catch (e) {
        failed = true;
        await page.screenshot({ path: join(SHOTS, `${name}-failure.png`) }).catch(() => undefined);
        throw e;
      }
    }),
    async close() {
      await browser.close();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chooses a region in the header's tree select by typing part of its name. Retried: on a busy machine the
 * dropdown's filter may not have settled when the title is clicked, and the click then misses.
 */
export async function pickRegion(page: Page, label: string): Promise<void> {
  const header = page.getByTestId('header-region');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await header.locator('.ant-select').click();
    await page.keyboard.type(label);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: label }).first().click();
    try {
      await waitText(header, (s) => s.includes(label), `region ${label}`, 5_000);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Logs in on the login page a story was sent to, as a demo user (the demo password), and waits for the 驾驶舱. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.waitForURL(/\/login$/);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/dashboard$/);
}

/** Signs out through the user menu; a busy machine may drop the click while the menu opens, so it tries again. */
export async function logout(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    if (!(await page.getByTestId('logout').isVisible())) await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    try { await page.waitForURL(/\/login$/, { timeout: 5000 }); return; } catch { /* the click was dropped */ }
  }
  await page.waitForURL(/\/login$/);
}
