/**
 * The HTML report on its own in headless Chromium: opened from a file, it asks for nothing
 * but itself, its CSP lets its one stylesheet apply (and logs nothing), and it prints to a
 * PDF with each annotated article starting a new page.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/domain/report';
import { renderReportHtml } from '../../shared/report/html';
import { makeReportFixture } from '../support/report-fixture';
import { CHROMIUM } from './harness';
import { openReportPage, REPORT_PDF_OPTIONS, type ReportPage } from './report-page';

const skipReason = existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
if (skipReason) console.warn(`[report html e2e] skipped: ${skipReason}`);

/** Each page's text, in reading order. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .filter((item): item is TextItem => 'str' in item)
          .map((item) => item.str)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

describe.skipIf(skipReason !== null)('the HTML report in Chromium', () => {
  let report: Report;
  let dir: string;
  let url: string;
  let session: ReportPage;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const fixture = await makeReportFixture();
    report = fixture.report;
    dispose = fixture.dispose;
    dir = mkdtempSync(join(tmpdir(), 'reckon-report-e2e-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReportHtml(report));
    url = pathToFileURL(file).href;
    session = await openReportPage(url);
  });

  afterAll(async () => {
    await session?.close();
    await dispose?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('requests nothing but itself and logs no error (no CSP violation)', () => {
    expect(session.requests).toEqual([url]);
    expect(session.errors).toEqual([]);
  });

  it('applies its stylesheet under its own CSP', async () => {
    const styled = await session.page.evaluate(() => ({
      mark: getComputedStyle(document.querySelector('mark')!).backgroundColor,
      badge: getComputedStyle(document.querySelector('.badge.verdict-accurate')!).color,
    }));
    expect(styled).toEqual({ mark: 'rgb(253, 230, 138)', badge: 'rgb(22, 101, 52)' });
  });

  it('would report a style the CSP does not allow', async () => {
    // The control for the test above: the same page with one inline style logs a violation.
    const file = join(dir, 'inline-style.html');
    writeFileSync(file, renderReportHtml(report).replace('<main class="report">', '<main class="report" style="color: red">'));
    const page = await openReportPage(pathToFileURL(file).href);
    try {
      expect(page.errors.join('\n')).toMatch(/Content Security Policy/);
    } finally {
      await page.close();
    }
  });

  it('prints to a PDF with the summary, each article from a new page, and the appendix', async () => {
    // Each page's text without the page number ("3 / 10") its margin box adds.
    const pages = (await pdfPages(await session.page.pdf(REPORT_PDF_OPTIONS))).map((text) => text.replace(/^\d+ \/ \d+ /, ''));
    const total = report.articles.length;
    expect(pages.length).toBeGreaterThanOrEqual(total + 2);
    expect(pages[0]).toMatch(/^Fact-check report: sample-corpus .* Summary /);
    const starts = report.articles.map((_, i) => pages.findIndex((text) => text.toUpperCase().startsWith(`ARTICLE ${i + 1} OF ${total} `)));
    // Every article opens a page of its own, in order, after the summary.
    expect(starts.every((page, i) => page > (i === 0 ? 0 : starts[i - 1]!))).toBe(true);
    report.articles.forEach((article, i) => expect(pages[starts[i]!]).toContain(article.source.title.slice(0, 20)));
    expect(pages.at(-1)).toMatch(/^Appendix: sources /);
  });
});
