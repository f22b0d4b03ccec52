/**
 * The HTML report's pictures for the README: the sample corpus with the report fixture's
 * annotations, rendered to HTML, opened in headless Chromium from a file, and written to
 * docs/ as a first screen (1280×800), a full page, and the printed PDF.
 *
 *   node bin/run-ts.mjs test/e2e/report-screenshots.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReportHtml } from '../../shared/report/html';
import { makeReportFixture } from '../support/report-fixture';
import { openReportPage, REPORT_PDF_OPTIONS } from './report-page';

// The full-page picture is for looking at, not for the README: it stays in the temp folder.
const FULL_PAGE = join(tmpdir(), 'reckon-report-full.png');

const fixture = await makeReportFixture();
const dir = mkdtempSync(join(tmpdir(), 'reckon-report-shots-'));
try {
  const file = join(dir, 'report.html');
  writeFileSync(file, renderReportHtml(fixture.report));
  const session = await openReportPage(pathToFileURL(file).href, { width: 1280, height: 800 });
  try {
    mkdirSync('docs', { recursive: true });
    await session.page.screenshot({ path: 'docs/reckon-report.png' });
    await session.page.screenshot({ path: FULL_PAGE, fullPage: true });
    writeFileSync('docs/reckon-report.pdf', await session.page.pdf(REPORT_PDF_OPTIONS));
    session.assertClean();
    console.log(`wrote docs/reckon-report.png, docs/reckon-report.pdf and ${FULL_PAGE}`);
  } finally {
    await session.close();
  }
} finally {
  await fixture.dispose();
  rmSync(dir, { recursive: true, force: true });
}
