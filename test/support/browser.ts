import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app';

export const CHROMIUM = '/usr/bin/chromium';

/** Bundles web/ as `npm run build` does, into a folder of this test file's own. */
export function buildWebAssets(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'opencall-web-'));
  execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/build-web.mjs'), dir], { stdio: 'pipe' });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Debian's headless Chromium with a fresh profile (its own --user-data-dir), as CI runs it. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  const profile = mkdtempSync(path.join(tmpdir(), 'opencall-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page that can reach only `origin`: whatever it needs from elsewhere (a CDN) fails, as offline. */
export async function offlinePage(context: BrowserContext, origin: string): Promise<{ page: Page; blocked: string[] }> {
  const page = await context.newPage();
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return { page, blocked };
}

/** The product with its browser bundles built for this file, and a Chromium to open it with. */
export async function startBrowserTest(env: Record<string, string> = {}): Promise<{ t: TestApp; browser: BrowserContext; stop(): Promise<void> }> {
  const assets = buildWebAssets();
  const t = await startTestApp({ WEB_ASSETS_DIR: assets.dir, ...env });
  const chromium = await launchBrowser();
  return {
    t,
    browser: chromium.context,
    async stop() {
      await chromium.close();
      await t.stop();
      assets.remove();
    },
  };
}
