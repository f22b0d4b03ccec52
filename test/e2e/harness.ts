import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../main/serve';

/** Debian's Chromium (installed by .ci/run); override with $CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching for the network on this offline machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  mode: BrowserMode;
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  /** Every request the page made that did not go to the local server. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Browser mode on a fresh user-data folder, and a headless Chromium page on its URL. */
export async function openSession(options: { width?: number; height?: number } = {}): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'reckon-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'reckon-e2e-profile-'));
  const mode = await startBrowserMode({ userDataDir });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(mode.server.origin) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(mode.server.url);
  return {
    mode,
    context,
    page,
    userDataDir,
    foreignRequests,
    async close() {
      await context.close();
      await mode.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
