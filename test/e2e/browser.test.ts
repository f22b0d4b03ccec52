import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness';

/** Open a folder as a browser-mode user does: "Open folder…", type the path, Enter. */
async function openFolderInUi(page: Page, dir: string): Promise<void> {
  await page.getByRole('button', { name: 'Open folder…' }).click();
  await page.getByTestId('folder-input').fill(dir);
  await page.getByTestId('folder-input').press('Enter');
}

// The UI and the back end together, in real Chromium, through browser mode.
describe('browser mode in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(() => session?.close());

  it('opens the sample corpus on first run and lists the five articles with their real titles', async () => {
    const { page } = session;
    const items = page.getByTestId('source-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(5);
    const titles = await page.getByTestId('source-title').allInnerTexts();
    const expected = [
      /^Minister of Interior Sar Kheng led a meeting/i,
      /^Minister of Interior Sar Kheng has advised/i,
      /^Sar Kheng cautions against freeing suspects in minor drug crimes$/i,
      /Release 10,000 Prisoners/i,
      /^Justice Ministry Denies “Pressure” Led to Release of 27 Activists$/i,
    ];
    for (const pattern of expected) expect(titles.some((title) => pattern.test(title.trim())), `${pattern} in ${JSON.stringify(titles)}`).toBe(true);
    // Junk lines and markup are not titles.
    expect(titles.join('\n')).not.toMatch(/cellcard|\*\*/);
  });

  it('finds the two articles that give the capacity and highlights the hit in the reader', async () => {
    const { page } = session;
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('search-input');
    await page.keyboard.type('capacity');
    await page.keyboard.press('Enter');
    const results = page.getByTestId('search-result');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBe(2);
    const resultText = (await results.allInnerTexts()).join('\n');
    expect(resultText).toMatch(/26,593/);
    expect(resultText).toMatch(/27,000|occupancy capacity/);

    await results.first().click();
    const marks = page.locator('[data-testid="reader"] mark[data-hit]');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    // textContent, not innerText: a paragraph not yet laid out (content-visibility) has no innerText.
    expect(((await marks.first().textContent()) ?? '').toLowerCase()).toContain('capacity');
    await expect.poll(() => marks.first().isVisible()).toBe(true);
  });

  it('moves between articles with j and k', async () => {
    const { page } = session;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    const title = () => page.getByTestId('reader-title').innerText();
    const before = await title();
    await page.keyboard.press('j');
    await expect.poll(title).not.toBe(before);
    await page.keyboard.press('k');
    await expect.poll(title).toBe(before);
  });

  it('opens a folder typed into the path field and reports bad files by name and reason', async () => {
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'reckon-e2e-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201c3a8b0f90000000049454e44ae426082', 'hex'));
    writeFileSync(join(dir, 'broken.txt'), Buffer.concat([Buffer.from('Prices rose by 5 percent '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(' in May.\n')]));
    writeFileSync(join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Prison census in UTF-16\n\nSome 39,000 prisoners were held.\n', 'utf16le')]));
    writeFileSync(join(dir, 'good.md'), '# Budget doubles\n\nThe ministry spent $6.6 billion.\n');

    await openFolderInUi(page, dir);

    const titles = page.getByTestId('source-title');
    await expect.poll(() => titles.allInnerTexts(), { timeout: 20_000 }).toEqual(expect.arrayContaining(['Prison census in UTF-16', 'Budget doubles']));
    const errorTexts = (await page.getByTestId('file-error').allInnerTexts()).join('\n');
    expect(errorTexts).toMatch(/empty\.txt[\s\S]*empty/i);
    expect(errorTexts).toMatch(/image\.txt[\s\S]*PNG/i);
    expect(errorTexts).toMatch(/broken\.txt[\s\S]*(UTF-8|encoding)/i);
    expect(await titles.count()).toBe(2);
  });

  it('shows a file added on disk while the folder is open, and finds it', async () => {
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'reckon-e2e-watch-'));
    writeFileSync(join(dir, 'first.txt'), 'Prison census published today\n\nSome 39,000 prisoners were held in 28 prisons.\n');
    await openFolderInUi(page, dir);
    await expect.poll(() => page.getByTestId('source-title').allInnerTexts(), { timeout: 20_000 }).toEqual(['Prison census published today']);

    writeFileSync(join(dir, 'second.txt'), 'Warehouse capacity doubles\n\nThe new warehouse holds 27,000 tonnes of rice.\n');
    await expect
      .poll(() => page.getByTestId('source-title').allInnerTexts(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Prison census published today', 'Warehouse capacity doubles']));
    await page.keyboard.press('/');
    await page.keyboard.type('warehouse');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-result').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/Warehouse capacity doubles/)]);
  });

  it('made no request beyond the local server', () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
