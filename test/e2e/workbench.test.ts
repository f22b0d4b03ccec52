/**
 * Issue 5's acceptance in real Chromium through browser mode: claim highlights, the
 * inspector's links, timeline and checks, a verdict and note that survive a reload, an
 * edit on disk (re-anchoring) and the deletion of their sentence (orphan). Runs on a copy
 * of the sample corpus so the edits never touch resources/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness';

const PRISONS = '000_083e109e7a8c2a9d.txt'; // "there are 40,000 prisoners in detention"
const DRUG_CRIMES = '002_131d7aa2d4a58d4a.txt'; // "rose by 19 percent"
const SENTENCE_40K = /^General Department of Prisons spokesman Nuth Savna told The Post.*40,000 prisoners.*\n/m;
const NOTE = 'Spokesman’s round figure; the ministry counted 38,990.';

const reader = (page: Page) => page.getByTestId('reader');
const inspector = (page: Page) => page.getByTestId('claim-inspector');
/** The claim highlight whose text is exactly `figure` (a claim may be cut into pieces; the figures here are not). */
const claimMark = (page: Page, figure: string) => reader(page).locator('mark[data-claim-index]', { hasText: figure });

async function openFolderInUi(page: Page, dir: string): Promise<void> {
  await page.getByRole('button', { name: 'Open folder…' }).click();
  await page.getByTestId('folder-input').fill(dir);
  await page.getByTestId('folder-input').press('Enter');
}

async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="source-item"][data-id="${id}"]`).click();
  await expect.poll(() => reader(page).getAttribute('data-id'), { timeout: 10_000 }).toBe(id);
  await expect.poll(() => reader(page).locator('mark[data-claim-index]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('the workbench in Chromium (issue 5 acceptance)', () => {
  let session: Session;
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = mkdtempSync(join(tmpdir(), 'reckon-e2e-workbench-'));
    cpSync(join(process.cwd(), 'resources', 'sample-corpus'), corpusDir, { recursive: true });
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
  });

  it('opens a copy of the sample corpus typed into the folder field', async () => {
    const { page } = session;
    // The sample corpus opens on first run; then the copy is opened as a user would.
    await expect.poll(() => page.getByTestId('source-item').count(), { timeout: 30_000 }).toBe(5);
    await openFolderInUi(page, corpusDir);
    await expect.poll(() => page.getByText(corpusDir).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('source-item').count(), { timeout: 30_000 }).toBe(5);
  });

  it('links 40,000 prisoners to 38,990 and 39,000 as agreeing, with 21,900 (end of 2016) on the timeline', async () => {
    const { page } = session;
    await openArticle(page, PRISONS);
    await claimMark(page, '40,000').first().click();
    await expect.poll(() => inspector(page).getByTestId('inspector-surface').innerText(), { timeout: 10_000 }).toContain('40,000');

    const rows = inspector(page).getByTestId('link-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const rowTexts = await rows.allInnerTexts();
    for (const figure of ['38,990', '39,000']) {
      const row = rowTexts.find((text) => text.includes(figure));
      expect(row, `a link to ${figure} in ${JSON.stringify(rowTexts)}`).toBeDefined();
      expect(row!.toLowerCase()).toMatch(/agrees/);
      expect(row).not.toMatch(/This article/);
    }

    // The series chart: an SVG whose points and description include the end-of-2016 figure.
    const chart = inspector(page).getByTestId('timeline-chart');
    await expect.poll(() => chart.count(), { timeout: 10_000 }).toBe(1);
    expect(await chart.locator('svg').count()).toBeGreaterThan(0);
    const chartWords = await chart.evaluate((element) =>
      [element.textContent ?? '', ...Array.from(element.querySelectorAll('[aria-label]')).map((e) => e.getAttribute('aria-label') ?? '')].join('\n'),
    );
    expect(chartWords).toMatch(/21,900/);
    expect(chartWords).toMatch(/2016/);
  });

  it('shows the "rose by 19 percent" check as consistent, with its formula', async () => {
    const { page } = session;
    await openArticle(page, DRUG_CRIMES);
    await claimMark(page, '19 percent').first().click();
    const checks = inspector(page).getByTestId('check-item');
    await expect.poll(() => checks.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const consistent = inspector(page).locator('[data-testid="check-item"][data-verdict="consistent"]');
    expect(await consistent.count()).toBeGreaterThan(0);
    const text = await consistent.first().innerText();
    expect(text).toMatch(/consistent|adds up/i);
    // The formula names both counts (8,018 and 9,572) or the 19 percent it checks.
    expect(text).toMatch(/8,?018|9,?572/);
    expect(text).toMatch(/=/);
  });

  it('keeps a verdict and note on 40,000 across a reload, an edit above it, and orphans it when its sentence goes', async () => {
    const { page } = session;
    await openArticle(page, PRISONS);
    await claimMark(page, '40,000').first().click();
    await expect.poll(() => inspector(page).getByTestId('inspector-surface').innerText(), { timeout: 10_000 }).toContain('40,000');

    // Key 2 is the second verdict of the default scale; e opens the note.
    await page.keyboard.press('2');
    await expect
      .poll(() => inspector(page).getByRole('button', { name: /Mostly accurate/ }).getAttribute('aria-pressed'), { timeout: 10_000 })
      .toBe('true');
    await page.keyboard.press('e');
    const noteField = page.getByRole('dialog').getByLabel(/note/i);
    await noteField.waitFor({ timeout: 10_000 });
    await noteField.fill(NOTE);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => inspector(page).innerText(), { timeout: 10_000 }).toContain(NOTE);
    await expect.poll(() => claimMark(page, '40,000').first().getAttribute('data-verdict')).toBe('Mostly accurate');

    // Reload: the store, not the page, holds it.
    await page.reload();
    await openArticle(page, PRISONS);
    await expect.poll(() => claimMark(page, '40,000').first().getAttribute('data-verdict'), { timeout: 15_000 }).toBe('Mostly accurate');

    // A paragraph inserted above it on disk: the watcher re-indexes and the note follows the figure.
    const file = join(corpusDir, PRISONS);
    const original = readFileSync(file, 'utf8');
    const inserted = 'An editor’s note added after publication, to move everything below it.\n\n';
    writeFileSync(file, original.replace(SENTENCE_40K, (sentence) => inserted + sentence));
    await expect.poll(() => reader(page).innerText(), { timeout: 20_000 }).toContain('An editor’s note added after publication');
    await expect.poll(() => claimMark(page, '40,000').first().getAttribute('data-verdict'), { timeout: 15_000 }).toBe('Mostly accurate');
    const annotated = reader(page).locator('mark[data-annotation-id]', { hasText: '40,000' });
    expect(await annotated.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('orphan-item').count()).toBe(0);

    // The sentence deleted on disk: the annotation is kept under Orphans, with its verdict and note.
    writeFileSync(file, original.replace(SENTENCE_40K, ''));
    await expect.poll(() => reader(page).innerText(), { timeout: 20_000 }).not.toContain('40,000 prisoners');
    const orphansTab = page.getByRole('tab', { name: /Orphans/ });
    await expect.poll(() => orphansTab.isEnabled(), { timeout: 15_000 }).toBe(true);
    await orphansTab.click();
    const orphan = page.getByTestId('orphan-item');
    await expect.poll(() => orphan.count(), { timeout: 10_000 }).toBe(1);
    expect(await orphan.getAttribute('data-state')).toBe('orphan');
    const orphanText = await orphan.innerText();
    expect(orphanText).toContain('40,000');
    expect(orphanText).toContain(NOTE);
    expect(orphanText).toContain('Mostly accurate');
  }, 60_000);

  it('made no request beyond 127.0.0.1', () => {
    expect(session.mode.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(session.foreignRequests).toEqual([]);
  });
});
