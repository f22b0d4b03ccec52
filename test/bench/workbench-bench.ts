/// <reference lib="dom" />
// The functions passed to page.evaluate run in Chromium and use its DOM.
/**
 * Workbench section of `npm run bench`, measured in headless Chromium through browser mode
 * (the built renderer, `npm run build` first):
 * - opening a long generated article with ≥ 1,000 claim highlights, from the click on its
 *   source to the reader showing every highlight; baseline in the same page: the same text
 *   rendered as plain paragraphs (what the reader costs without any span layer);
 * - the claims table with ≥ 100,000 rows, from the click on "Claims" to the first rows drawn.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startBrowserMode } from '../../main/serve';
import { generateArticle } from './news-generator';
import { percentile, type BenchSection } from './types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OPEN_TARGET_MS = 100;
const RUNS = 7;

/** A sample-like article made long: generated bodies appended until the text is `paragraphs` paragraphs long. */
function longArticle(seed: number, paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; parts.length < paragraphs; i++) {
    const body = generateArticle(seed * 7919 + i).text.split('\n\n');
    // The first generated article gives the title, byline and date; later ones only their paragraphs.
    parts.push(...(i === 0 ? body : body.slice(3)));
  }
  return parts.slice(0, paragraphs).join('\n\n');
}

/** Write a folder, serve it in browser mode and open it in Chromium; wait until the sources are listed. */
async function openServed(files: Array<{ name: string; text: string }>) {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-bench-wb-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'reckon-bench-wb-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'reckon-bench-wb-profile-'));
  for (const file of files) writeFileSync(join(dir, file.name), file.text);
  const mode = await startBrowserMode({ userDataDir, openDir: dir });
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with an `__name` helper that the functions passed to page.evaluate carry along.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(mode.server.url);
  await page.locator('[data-testid="source-item"]').nth(files.length - 1).waitFor({ timeout: 120_000 });
  return {
    mode,
    page,
    async close() {
      await context.close();
      await mode.close();
      for (const d of [dir, userDataDir, profileDir]) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** In the page: click the source `id`, resolve with the ms until the reader shows `expected` distinct claim highlights. */
function timeOpen(page: Page, id: string, expected: number): Promise<number> {
  return page.evaluate(
    ({ id, expected }) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        (document.querySelector(`[data-testid="source-item"][data-id="${id}"]`) as HTMLElement).click();
        const check = () => {
          const reader = document.querySelector(`[data-testid="reader"][data-id="${id}"]`);
          const shown = reader ? new Set(Array.from(reader.querySelectorAll('mark[data-claim-index]')).map((m) => m.getAttribute('data-claim-index'))).size : 0;
          if (shown >= expected) resolve(performance.now() - start);
          else if (performance.now() - start > 30_000) reject(new Error(`only ${shown} of ${expected} highlights after 30 s`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { id, expected },
  );
}

/** In the page: the same text as plain paragraphs in a detached-then-attached div, until laid out. */
function timePlainRender(page: Page, text: string): Promise<number> {
  return page.evaluate((text) => {
    const start = performance.now();
    const host = document.createElement('div');
    host.className = 'reader-text';
    for (const paragraph of text.split('\n\n')) {
      const p = document.createElement('p');
      p.textContent = paragraph;
      host.appendChild(p);
    }
    document.body.appendChild(host);
    void host.offsetHeight; // force layout, as the reader's frame does
    const ms = performance.now() - start;
    host.remove();
    return ms;
  }, text);
}

export async function runWorkbenchBench(): Promise<BenchSection> {
  const rows: BenchSection['rows'] = [];

  // The generator gives about 0.75 claims a paragraph: 1,400 paragraphs ≈ 1,050 claims; 64 × 2,000 ≈ 100,000.
  // 1. A long article with ≥ 1,000 highlights, and a short one to switch back to between runs.
  {
    const longText = longArticle(11, 1_400);
    const served = await openServed([
      { name: 'long.txt', text: longText },
      { name: 'short.txt', text: generateArticle(3).text },
    ]);
    try {
      const { claims } = await served.mode.backend.articleClaims({ id: 'long.txt' });
      const count = claims.length;
      const open: number[] = [];
      const plain: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await served.page.locator('[data-testid="source-item"][data-id="short.txt"]').click();
        await served.page.locator('[data-testid="reader"][data-id="short.txt"]').waitFor();
        open.push(await timeOpen(served.page, 'long.txt', count));
        plain.push(await timePlainRender(served.page, longText));
      }
      const median = percentile(open, 50);
      const baseline = percentile(plain, 50);
      rows.push({
        name: `open an article with ${count.toLocaleString('en')} highlights (median of ${RUNS})`,
        value: median,
        unit: 'ms',
        target: `< ${OPEN_TARGET_MS} ms, ≥ 1,000 highlights`,
        pass: median < OPEN_TARGET_MS && count >= 1000,
        note: `${(longText.length / 1024).toFixed(0)} KB; click to every highlight drawn, in Chromium`,
      });
      rows.push({ name: 'baseline: same text as plain paragraphs', value: baseline, unit: 'ms', note: 'DOM build and layout only' });
      rows.push({ name: 'ratio: reader with highlights / plain text', value: median / baseline, unit: '×' });
    } finally {
      await served.close();
    }
  }

  // 2. The claims table with ≥ 100,000 rows: enough long articles to reach the count.
  {
    const files = Array.from({ length: 64 }, (_, i) => ({ name: `long-${String(i).padStart(3, '0')}.txt`, text: longArticle(100 + i, 2_000) }));
    const served = await openServed(files);
    try {
      const { rows: tableRows } = await served.mode.backend.listClaims({});
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const ms = await served.page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const buttons = Array.from(document.querySelectorAll('[role="group"][aria-label="View"] button')) as HTMLElement[];
              const reader = buttons.find((b) => /reader/i.test(b.textContent ?? ''))!;
              const table = buttons.find((b) => /claims/i.test(b.textContent ?? ''))!;
              reader.click();
              requestAnimationFrame(() => {
                const start = performance.now();
                table.click();
                const check = () => {
                  if (document.querySelector('[role="grid"][aria-label="Claims"] [role="row"][aria-rowindex="2"]')) resolve(performance.now() - start);
                  else if (performance.now() - start > 60_000) reject(new Error('the claims table drew no row in 60 s'));
                  else requestAnimationFrame(check);
                };
                check();
              });
            }),
        );
        times.push(ms);
      }
      const drawn = await served.page.locator('[role="grid"][aria-label="Claims"] [role="row"]').count();
      rows.push({
        name: `claims table, ${tableRows.length.toLocaleString('en')} rows: first render (median of 3)`,
        value: percentile(times, 50),
        unit: 'ms',
        target: '≥ 100,000 rows',
        pass: tableRows.length >= 100_000,
        note: `in Chromium through browser mode; ${drawn} row elements in the DOM (virtualised)`,
      });
    } finally {
      await served.close();
    }
  }

  return { title: 'Workbench (Chromium, browser mode)', rows };
}
