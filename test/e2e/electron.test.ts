/**
 * Reckon in real Electron, driven by playwright-core's _electron. It needs the
 * Electron binary, which `npm install` fetches only where Electron's download host
 * is reachable; elsewhere this file skips and says why. The binary is found the way
 * node_modules/electron/index.js finds it, without requiring that module (which
 * would try to download it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** node_modules/electron/dist/<path.txt>, when the download happened. */
function findElectronBinary(electronDir = join(repo, 'node_modules', 'electron')): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = findElectronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary
  ? 'no Electron binary (node_modules/electron/path.txt and dist/ are missing: Electron downloads its runtime on first install where its host is reachable). The same UI and back end are covered in Chromium by browser.test.ts.'
  : !hasDisplay
    ? 'an Electron binary exists but there is no display (set DISPLAY, e.g. run under xvfb-run).'
    : null;
if (skipReason) console.warn(`[electron e2e] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('Reckon in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    if (!existsSync(join(repo, 'out', 'main', 'index.js'))) throw new Error('out/ is missing: run `npx electron-vite build` first.');
    userData = mkdtempSync(join(tmpdir(), 'reckon-electron-e2e-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: ['.'],
      cwd: repo,
      // A fresh profile: first run, and a single-instance lock of its own.
      env: { ...process.env, RECKON_USER_DATA: userData },
    });
    page = await app.firstWindow();
  });
  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('serves the UI from reckon://app and lists the five sample articles', async () => {
    expect(page.url()).toBe('reckon://app/index.html');
    const items = page.locator('[data-testid="source-item"]');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(5);
  });

  it('gives the page window.reckon and no Node', async () => {
    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { reckon: typeof g.reckon, require: typeof g.require, process: typeof g.process, module: typeof g.module };
    });
    expect(globals).toEqual({ reckon: 'object', require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  it('answers contract calls through the preload bridge', async () => {
    const state = await page.evaluate(() => {
      const reckon = (globalThis as { reckon?: { getAppState(args: object): Promise<unknown> } }).reckon;
      return reckon!.getAppState({});
    });
    expect(state).toMatchObject({ ok: true, value: { version: expect.any(String), canPickFolder: true } });
  });

  it('refuses window.open and navigation away from the app', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/'));
    expect(opened).toBeNull();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(page.url()).toBe('reckon://app/index.html');
    expect(app.windows()).toHaveLength(1);
  });
});
