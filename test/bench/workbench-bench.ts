/// <reference lib="dom" />
// The functions passed to page.evaluate run in Chromium and use its DOM.
/**
 * Workbench section of `npm run bench`, in headless Chromium through browser mode (the built
 * renderer: `npm run build` first). Every time is taken in the page with performance.now(),
 * from a click to the frame that shows the result having been painted (a message posted from
 * the requestAnimationFrame callback that first sees the result runs after that frame's
 * style, layout and paint), so it includes the HTTP calls to the back end, the JSON, React
 * and the browser's rendering.
 *
 * 1. Opening a long sample-like article with ≥ 1,000 claim highlights, from the click on its
 *    source to every highlight in the reader and painted; median and p95 of several opens.
 *    Baseline, measured alternately in the same page: the same text with every claim's
 *    characters turned into x's, so it has no claims: the reader without highlights.
 * 2. The claims table with ≥ 100,000 rows: from the click on "Claims" to the first rows
 *    painted, in a freshly loaded page (rows fetched) and when shown again (rows kept);
 *    sorting by figure; 2 s of programmatic scrolling (frame times, dropped frames, frames
 *    with unrendered rows in view); a jump to the middle; row elements in the DOM; JS heap.
 *    The back end's cross-check of every claim (what listClaims needs) is done, and timed,
 *    before Chromium starts, so the page never waits on it.
 *
 * RECKON_BENCH_TABLE_ROWS sets the table's size for a quicker run (its target then fails).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { extractClaims } from '../../shared/claims';
import { startBrowserMode, type BrowserMode } from '../../main/serve';
import { generateArticle } from './news-generator';
import { percentile, type BenchRow, type BenchSection } from './types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OPEN_TARGET_MS = 100;
const OPENS = 40;
const TABLE_ROWS = Number(process.env.RECKON_BENCH_TABLE_ROWS ?? 100_000);
const TABLE_SHOWS = 3;
const SCROLL_MS = 2_000;
/** 3 rows a frame: 5,400 px/s at 60 frames a second, a brisk scroll. */
const SCROLL_STEP_PX = 90;
const FRAME_MS = 1000 / 60;

/** The same text with the letters and digits of every claim turned into x's, so that nothing in it is a claim. */
function withoutClaims(text: string): string {
  // Blanking one claim can make a neighbour parse differently: repeat until nothing changes.
  for (let result = text; ; ) {
    const chars = result.split('');
    for (const claim of extractClaims(result)) for (let i = claim.start; i < claim.end; i++) chars[i] = chars[i]!.replace(/[\p{L}\p{N}]/u, 'x');
    const next = chars.join('');
    if (next === result) return result;
    result = next;
  }
}

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

interface Served {
  page: Page;
  /** Call the back end directly (not through the page), e.g. to know how many claims to expect. */
  backend: BrowserMode['backend'];
}

/**
 * Serve a folder in browser mode; run `prepare` on the back end before Chromium starts (a long
 * computation then blocks nothing the page waits for); open the page; run `use`; then close
 * everything, whatever failed. An error names the step it happened in, and a failure to close
 * is reported without hiding the error that came before it.
 */
async function withServedFolder<T>(
  files: Array<{ name: string; text: string }>,
  prepare: (backend: BrowserMode['backend']) => Promise<void>,
  use: (served: Served, step: (name: string) => void) => Promise<T>,
): Promise<T> {
  const dirs = ['reckon-bench-wb-', 'reckon-bench-wb-data-', 'reckon-bench-wb-profile-'].map((prefix) => mkdtempSync(join(tmpdir(), prefix)));
  const [dir, userDataDir, profileDir] = dirs as [string, string, string];
  let current = 'writing the folder';
  const step = (name: string) => {
    current = name;
  };
  let mode: BrowserMode | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  try {
    for (const file of files) writeFileSync(join(dir, file.name), file.text);
    step('opening the folder in the back end');
    mode = await startBrowserMode({ userDataDir, openDir: dir });
    step('preparing the back end');
    await prepare(mode.backend);
    step('starting Chromium');
    // On SIGHUP or SIGTERM Playwright would close Chromium and let this process run on without
    // it, to fail minutes later with "Target page, context or browser has been closed": the bench
    // outlives the shell that started it. Without its handlers the process ends like any other.
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      handleSIGHUP: false,
      handleSIGTERM: false,
    });
    closeBrowser = () => context.close();
    // tsx keeps function names with an `__name` helper that the functions passed to page.evaluate carry along.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('crash', () => console.error(`workbench bench: the page crashed while ${current}`));
    step('loading the page');
    await page.goto(mode.server.url);
    await page.locator('[data-testid="source-item"]').nth(files.length - 1).waitFor({ timeout: 120_000 });
    return await use({ page, backend: mode.backend }, step);
  } catch (err) {
    throw new Error(`workbench bench failed while ${current}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    const report = (err: unknown) => console.error(`workbench bench: closing failed (${err instanceof Error ? err.message : String(err)})`);
    if (closeBrowser) await closeBrowser().catch(report);
    if (mode) await mode.close().catch(report);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

interface Timed {
  /** Click to the result painted. */
  ms: number;
  /** Click to the last back-end response received (0 when there was no call). */
  backendMs: number;
}

/** What to click: the first element matching `selector` (whose text is `text`, if given). */
interface Target {
  selector: string;
  text?: string;
}

/** What the page must show (checked in each animation frame) for the click's result to be there. */
type Ready =
  | { reader: string; highlights: number }
  | { tableRow: true; notKey?: string | null };

/** In the page: click `target`, then wait for `ready` in an animation frame and for that frame to be painted. */
function timeClick(page: Page, target: Target, ready: Ready): Promise<Timed> {
  return page.evaluate(
    ({ target, ready }) =>
      new Promise<Timed>((resolve, reject) => {
        const isReady = (): boolean => {
          if ('reader' in ready) {
            const reader = document.querySelector(`[data-testid="reader"][data-id="${ready.reader}"]`);
            if (!reader) return false;
            const marks = reader.querySelectorAll('mark[data-claim-index]');
            // A claim cut by another highlight has several pieces: count claims, not marks.
            return marks.length >= ready.highlights && new Set(Array.from(marks, (m) => m.getAttribute('data-claim-index'))).size >= ready.highlights;
          }
          const row = document.querySelector('[data-testid="claims-row"]');
          return row !== null && (ready.notKey === undefined || row.getAttribute('data-key') !== ready.notKey);
        };
        const element = Array.from(document.querySelectorAll<HTMLElement>(target.selector)).find((e) => target.text === undefined || e.textContent === target.text);
        if (!element) return reject(new Error(`nothing to click: ${target.selector} ${target.text ?? ''}`));
        performance.clearResourceTimings();
        const start = performance.now();
        element.click();
        const check = () => {
          if (isReady()) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const ms = performance.now() - start;
              const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/api/call/'));
              resolve({ ms, backendMs: Math.max(0, ...calls.map((e) => e.responseEnd - start)) });
            };
            channel.port2.postMessage(null);
          } else if (performance.now() - start > 60_000) reject(new Error(`not ready 60 s after clicking ${target.selector}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { target, ready },
  );
}

const openArticle = (page: Page, id: string, highlights: number): Promise<Timed> =>
  timeClick(page, { selector: `[data-testid="source-item"][data-id="${id}"]` }, { reader: id, highlights });

const VIEW = (text: 'Reader' | 'Claims'): Target => ({ selector: '[role="group"][aria-label="View"] button', text });

async function openArticleBench(): Promise<BenchRow[]> {
  const longText = longArticle(11, 1_400);
  const files = [
    { name: 'long.txt', text: longText },
    { name: 'long-no-claims.txt', text: withoutClaims(longText) },
    { name: 'short.txt', text: generateArticle(3).text },
  ];
  return withServedFolder(
    files,
    async () => {},
    async ({ page, backend }, step) => {
      const expected = async (id: string) => (await backend.articleClaims({ id })).claims.length;
      const highlights = await expected('long.txt');
      const baselineHighlights = await expected('long-no-claims.txt');
      const open: Timed[] = [];
      const plain: Timed[] = [];
      // Alternate, so both see the same conditions; each open starts from the short article, settled.
      for (let run = 0; run < OPENS; run++) {
        for (const [id, count, times] of [
          ['long.txt', highlights, open],
          ['long-no-claims.txt', baselineHighlights, plain],
        ] as const) {
          step(`opening the short article (run ${run + 1})`);
          await openArticle(page, 'short.txt', 0);
          await page.waitForTimeout(200);
          step(`opening ${id} (run ${run + 1})`);
          times.push(await openArticle(page, id, count));
        }
      }
      const median = percentile(open.map((t) => t.ms), 50);
      const p95 = percentile(open.map((t) => t.ms), 95);
      const baseline = percentile(plain.map((t) => t.ms), 50);
      const note = `${(longText.length / 1024).toFixed(0)} KB, ${longText.split('\n\n').length.toLocaleString('en')} paragraphs`;
      return [
        {
          name: `open an article with ${highlights.toLocaleString('en')} highlights: p95 of ${OPENS}`,
          value: p95,
          unit: 'ms',
          target: `< ${OPEN_TARGET_MS} ms, ≥ 1,000 highlights`,
          pass: p95 < OPEN_TARGET_MS && highlights >= 1000,
          note: `${note}; click to every highlight painted`,
        },
        { name: '  median', value: median, unit: 'ms' },
        { name: '  of which waiting for the back end (median)', value: percentile(open.map((t) => t.backendMs), 50), unit: 'ms', note: 'getArticle, articleClaims, articleChecks over HTTP' },
        { name: 'baseline: the same text without claims (median)', value: baseline, unit: 'ms', note: `claims' characters as x's: ${baselineHighlights} highlights` },
        { name: 'ratio: with highlights / without (medians)', value: median / baseline, unit: '×' },
      ];
    },
  );
}

/** Long articles, as many as it takes to hold `claims` claims. */
function tableCorpus(claims: number): Array<{ name: string; text: string }> {
  const files: Array<{ name: string; text: string }> = [];
  for (let total = 0; total < claims; ) {
    const text = longArticle(100 + files.length, 2_000);
    total += extractClaims(text).length;
    files.push({ name: `long-${String(files.length).padStart(3, '0')}.txt`, text });
  }
  return files;
}

async function claimsTableBench(): Promise<BenchRow[]> {
  const files = tableCorpus(TABLE_ROWS);
  let crossCheckMs = 0;
  let rowCount = 0;
  return withServedFolder(
    files,
    async (backend) => {
      const began = performance.now();
      rowCount = (await backend.listClaims({})).rows.length;
      crossCheckMs = performance.now() - began;
    },
    async ({ page }, step) => {
      const cdp = await page.context().newCDPSession(page);
      const heapMb = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
      };
      const readerHeap = await heapMb();

      const firstShows: Timed[] = [];
      for (let run = 0; run < TABLE_SHOWS; run++) {
        step(`loading the page afresh (run ${run + 1})`);
        if (run > 0) {
          await page.reload();
          await page.locator('[data-testid="reader"]').waitFor({ timeout: 120_000 });
        }
        await page.waitForTimeout(500);
        step(`showing the table in a fresh page (run ${run + 1})`);
        firstShows.push(await timeClick(page, VIEW('Claims'), { tableRow: true }));
      }
      const shownAgain: Timed[] = [];
      for (let run = 0; run < TABLE_SHOWS; run++) {
        step(`showing the table again (run ${run + 1})`);
        await page.locator('[role="group"][aria-label="View"] button', { hasText: 'Reader' }).click();
        await page.locator('[data-testid="reader"]').waitFor();
        await page.waitForTimeout(300);
        shownAgain.push(await timeClick(page, VIEW('Claims'), { tableRow: true }));
      }

      step('sorting by figure');
      const firstKey = await page.locator('[data-testid="claims-row"]').first().getAttribute('data-key');
      const sort = await timeClick(page, { selector: '[data-testid="claims-sort-figure"]' }, { tableRow: true, notKey: firstKey });
      await page.waitForTimeout(300);

      step('scrolling');
      const scroll = await page.evaluate(
        ({ durationMs, stepPx }) =>
          new Promise<{ frames: number[]; blank: number; rowsInDom: number; rowsScrolled: number }>((resolve) => {
            const scroller = document.querySelector('[data-testid="claims-scroll"]') as HTMLElement;
            const viewport = scroller.clientHeight;
            const rowHeight = (scroller.querySelector('[role="row"]') as HTMLElement).getBoundingClientRect().height;
            // Rows are placed with translateY: the rendered band is [first row's top, last row's bottom].
            const covered = () => {
              const tops = Array.from(scroller.querySelectorAll<HTMLElement>('[role="row"]'), (row) => parseFloat(row.style.transform.slice('translateY('.length)));
              return scroller.scrollTop >= Math.min(...tops) && scroller.scrollTop + viewport <= Math.max(...tops) + rowHeight;
            };
            scroller.scrollTop = 0;
            const frames: number[] = [];
            let blank = 0;
            let rowsInDom = 0;
            let first: number | null = null;
            let last: number | null = null;
            const frame = (now: number) => {
              first ??= now;
              if (last !== null) frames.push(now - last);
              last = now;
              // What this frame paints is what the previous scroll step left in the DOM.
              if (!covered()) blank++;
              rowsInDom = Math.max(rowsInDom, scroller.querySelectorAll('[role="row"]').length);
              if (now - first >= durationMs) resolve({ frames, blank, rowsInDom, rowsScrolled: Math.round(scroller.scrollTop / rowHeight) });
              else {
                scroller.scrollTop += stepPx;
                requestAnimationFrame(frame);
              }
            };
            requestAnimationFrame(frame);
          }),
        { durationMs: SCROLL_MS, stepPx: SCROLL_STEP_PX },
      );

      step('jumping to the middle');
      const jump = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const scroller = document.querySelector('[data-testid="claims-scroll"]') as HTMLElement;
            const rowHeight = (scroller.querySelector('[role="row"]') as HTMLElement).getBoundingClientRect().height;
            const start = performance.now();
            scroller.scrollTop = scroller.scrollHeight / 2;
            const target = Math.floor(scroller.scrollTop / rowHeight);
            const check = () => {
              const indexes = Array.from(scroller.querySelectorAll('[role="row"]'), (row) => Number(row.getAttribute('aria-rowindex')) - 2);
              if (indexes.includes(target)) {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - start);
                channel.port2.postMessage(null);
              } else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
      );
      const tableHeap = await heapMb();

      const dropped = scroll.frames.reduce((n, ms) => n + Math.max(0, Math.round(ms / FRAME_MS) - 1), 0);
      const rows = rowCount.toLocaleString('en');
      return [
        {
          name: `claims table, ${rows} rows: first show (median of ${TABLE_SHOWS})`,
          value: percentile(firstShows.map((t) => t.ms), 50),
          unit: 'ms',
          target: '≥ 100,000 rows',
          pass: rowCount >= 100_000,
          note: `fresh page; click to first rows painted, ${files.length} articles`,
        },
        { name: '  of which listClaims over HTTP (median)', value: percentile(firstShows.map((t) => t.backendMs), 50), unit: 'ms', note: 'request to the last byte of the rows JSON' },
        { name: '  shown again, rows kept (median)', value: percentile(shownAgain.map((t) => t.ms), 50), unit: 'ms', note: 'reader → table' },
        { name: '  sort by figure', value: sort.ms, unit: 'ms', note: 'click to the sorted rows painted' },
        { name: `  scroll ${SCROLL_MS / 1000} s: p95 frame time`, value: percentile(scroll.frames, 95), unit: 'ms', note: `${scroll.frames.length} frames, median ${percentile(scroll.frames, 50).toFixed(1)} ms, ${scroll.rowsScrolled.toLocaleString('en')} rows scrolled` },
        { name: '  scroll: dropped frames', value: dropped, unit: 'frames', note: `at 60 Hz; ${scroll.blank} frames with unrendered rows in view` },
        { name: '  jump to the middle', value: jump, unit: 'ms', note: 'scrollTop set to the row to painted' },
        { name: '  row elements in the DOM (at most, while scrolling)', value: scroll.rowsInDom, unit: 'rows' },
        { name: '  JS heap, table shown', value: tableHeap, unit: 'MB', note: `reader only: ${readerHeap.toFixed(1)} MB; after a GC` },
        { name: '  back end: cross-check of every claim (first listClaims)', value: crossCheckMs / 1000, unit: 's', note: 'in Node before Chromium starts; what a first table costs on a folder this size' },
      ];
    },
  );
}

export async function runWorkbenchBench(): Promise<BenchSection> {
  const rows = [...(await openArticleBench()), ...(await claimsTableBench())];
  return { title: 'Workbench (Chromium, browser mode)', rows };
}
