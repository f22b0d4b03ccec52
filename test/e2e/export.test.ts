/**
 * The Export dialog in real Chromium through browser mode (issue 6, item 7): a verdict made in
 * the workbench shows in the live preview, styled under the page's Content-Security-Policy;
 * CSV and HTML download; a hand-written W3C file imports and anchors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Frame, Page } from 'playwright-core';
import { openSession, type Session } from './harness';

const PRISONS = '000_083e109e7a8c2a9d.txt'; // "there are 40,000 prisoners in detention"
const DRUG_CRIMES = '002_131d7aa2d4a58d4a.txt'; // "rose by 19 percent"

const reader = (page: Page) => page.getByTestId('reader');
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export a report' });

async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="source-item"][data-id="${id}"]`).click();
  await expect.poll(() => reader(page).getAttribute('data-id'), { timeout: 10_000 }).toBe(id);
  await expect.poll(() => reader(page).locator('mark[data-claim-index]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

/** The preview's document (a sandboxed srcdoc frame: Playwright reaches it, the page's scripts cannot). */
async function previewFrame(page: Page): Promise<Frame> {
  const handle = await dialog(page).getByTestId('export-preview').elementHandle({ timeout: 10_000 });
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the preview iframe has no document');
  return frame;
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

describe('the Export dialog in Chromium', () => {
  let session: Session;
  const consoleProblems: string[] = [];
  beforeAll(async () => {
    session = await openSession();
    session.page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
    });
    await session.page.getByTestId('source-item').nth(4).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('previews a verdict just made, styled, with no Content-Security-Policy violation', async () => {
    const { page } = session;
    await openArticle(page, PRISONS);
    await reader(page).locator('mark[data-claim-index]', { hasText: '40,000' }).first().click();
    // Key 5: Inaccurate, the fifth step of the default scale.
    await page.keyboard.press('5');
    await expect.poll(() => reader(page).locator('mark[data-claim-index]', { hasText: '40,000' }).first().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('Inaccurate');

    await page.keyboard.press('x');
    await dialog(page).waitFor();
    const summary = dialog(page).getByTestId('export-summary');
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/claims checked\s*1\b/i);
    expect(await summary.getByRole('list', { name: 'Verdicts' }).innerText()).toMatch(/Inaccurate\s*1/);

    const frame = await previewFrame(page);
    await expect.poll(() => frame.locator('mark', { hasText: '40,000' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const look = await frame.evaluate(() => {
      const mark = Array.from(document.querySelectorAll('mark')).find((m) => m.textContent?.includes('40,000'))!;
      return {
        sheets: document.styleSheets.length,
        rules: document.styleSheets[0]?.cssRules.length ?? 0,
        markBackground: getComputedStyle(mark).backgroundColor,
        bodyFont: getComputedStyle(document.body).fontFamily,
        scripts: document.scripts.length,
      };
    });
    // The report's one stylesheet applied: rules read, the highlight painted, the body not the UA's Times.
    expect(look.sheets).toBe(1);
    expect(look.rules).toBeGreaterThan(10);
    expect(look.markBackground).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.bodyFont).not.toMatch(/^"?Times/);
    expect(look.scripts).toBe(0);
    expect(await frame.locator('text=Inaccurate').count()).toBeGreaterThan(0);
    expect(consoleProblems.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('follows the filters: leaving out the annotated article empties the preview', async () => {
    const { page } = session;
    const articles = dialog(page).getByTestId('export-articles');
    const prisons = articles.locator(`input[value="${PRISONS}"]`);
    await prisons.uncheck();
    const summary = dialog(page).getByTestId('export-summary');
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/claims checked\s*0\b/i);
    await articles.getByRole('checkbox', { name: /All articles/ }).check();
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/claims checked\s*1\b/i);
  });

  it('downloads the CSV and the HTML report', async () => {
    const { page } = session;
    await dialog(page).getByRole('radio', { name: /^CSV/ }).check();
    const [csv] = await Promise.all([page.waitForEvent('download'), dialog(page).getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^reckon-report-.*\.csv$/);
    const csvText = await downloadText(csv);
    const [header, ...rows] = csvText.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header!.split(',').length).toBeGreaterThan(4);
    expect(rows.filter((row) => row.includes('40,000') && row.includes('Inaccurate')), csvText).toHaveLength(1);
    await expect.poll(() => dialog(page).getByTestId('export-result').innerText()).toBe(`Downloaded ${csv.suggestedFilename()}`);

    await dialog(page).getByRole('radio', { name: /^HTML/ }).check();
    const [html] = await Promise.all([page.waitForEvent('download'), dialog(page).getByRole('button', { name: 'Export HTML' }).click()]);
    expect(html.suggestedFilename()).toMatch(/^reckon-report-.*\.html$/);
    const htmlText = await downloadText(html);
    expect(htmlText.slice(0, 15).toLowerCase()).toBe('<!doctype html>');
    expect(htmlText).toContain('40,000');
  });

  it('imports a hand-written W3C file and anchors its annotation', async () => {
    const { page } = session;
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
      first: {
        type: 'AnnotationPage',
        items: [
          {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            id: 'urn:uuid:6f1d4f0e-2f7b-4b8e-9a43-3d0c9c1e5b21',
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: 'Check against the ministry’s yearly figures.', format: 'text/plain' },
            target: { source: `file:///articles/${DRUG_CRIMES}`, selector: { type: 'TextQuoteSelector', exact: '19 percent' } },
          },
          { type: 'Annotation', target: { source: 'https://example.org/elsewhere' } },
        ],
      },
    };
    await dialog(page)
      .getByTestId('import-file')
      .setInputFiles({ name: 'by-hand.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(collection)) });
    const result = dialog(page).getByTestId('import-result');
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toBe('by-hand.jsonld: Web Annotation file: 1 imported: 1 anchored; 1 skipped.');
    expect(await dialog(page).getByTestId('import-skipped').textContent()).toMatch(/^annotation 2 of 2/);
    // The new annotation reaches the workbench's list, and so the preview.
    const summary = dialog(page).getByTestId('export-summary');
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/of 2 annotations/);
    const frame = await previewFrame(page);
    await expect.poll(() => frame.locator('mark', { hasText: '19 percent' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await openArticle(page, DRUG_CRIMES);
    await expect.poll(() => reader(page).locator('mark[data-annotation-id]', { hasText: '19 percent' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('made no request beyond 127.0.0.1 and logged no policy violation', () => {
    expect(session.foreignRequests).toEqual([]);
    expect(consoleProblems.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  });
});
