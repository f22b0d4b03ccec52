/**
 * A report file opened in headless Chromium on its own (no app, no server), with every
 * request and every console error recorded: the report must need nothing but itself, and
 * its CSP must not block anything it uses (a violation is logged as a console error).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';

/** How the report is printed here and in the docs: backgrounds (badges, highlights) kept, A4. */
export const REPORT_PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true, format: 'A4' } as const;

export interface ReportPage {
  page: Page;
  /** Every URL the page asked for, the report's own included. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Throws when anything but `url` was requested or an error was logged. */
  assertClean(): void;
  close(): Promise<void>;
}

export async function openReportPage(url: string, viewport = { width: 1280, height: 800 }): Promise<ReportPage> {
  const profileDir = mkdtempSync(join(tmpdir(), 'reckon-report-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    requests,
    errors,
    assertClean() {
      const foreign = requests.filter((r) => r !== url);
      if (foreign.length) throw new Error(`the report requested more than itself: ${foreign.join(', ')}`);
      if (errors.length) throw new Error(`the report logged errors: ${errors.join(' | ')}`);
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
