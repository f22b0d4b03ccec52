/**
 * `npm run screenshots`: the README's pictures, taken in headless Chromium from browser
 * mode on the sample corpus at 1280×800, written to docs/. `npm run screenshots -- export`
 * writes only docs/reckon-export.png (any of reader, inspector, claims-table, search, export);
 * the steps between still run, since each picture starts where the one before left off.
 */
import { mkdirSync } from 'node:fs';
import { openSession } from './harness';

const PRISONS = '000_083e109e7a8c2a9d.txt'; // 40,000 prisoners, linked to 38,990 and 39,000
const RELEASES = '003_78519aec2665b739.txt'; // many claims: counts, percentages, capacity
const DRUG_CRIMES = '002_131d7aa2d4a58d4a.txt'; // "rose by 19 percent"

const only = process.argv.slice(2);
const written: string[] = [];

const session = await openSession({ width: 1280, height: 800 });
try {
  const { page } = session;
  const shoot = async (name: string) => {
    if (only.length > 0 && !only.includes(name)) return;
    const path = `docs/reckon-${name}.png`;
    await page.screenshot({ path });
    written.push(path);
  };
  mkdirSync('docs', { recursive: true });
  const reader = page.getByTestId('reader');
  const source = (id: string) => page.locator(`[data-testid="source-item"][data-id="${id}"]`);
  /** Open an article and wait until its claim highlights are drawn. */
  const openArticle = async (id: string) => {
    await source(id).click();
    await page.locator(`[data-testid="reader"][data-id="${id}"] mark[data-claim-index]`).first().waitFor();
  };
  await page.getByTestId('source-item').nth(4).waitFor();

  // The reader: an article with many highlighted claims, nothing selected.
  await openArticle(RELEASES);
  // Its densest paragraph (series, capacity, a flagged share) in view, without selecting a claim.
  await reader.locator('mark[data-claim-index]', { hasText: '21,900' }).first().evaluate((mark) => mark.scrollIntoView({ block: 'center' }));
  await shoot('reader');

  // The inspector: 40,000 selected, with its links, series and checks.
  await openArticle(PRISONS);
  await reader.locator('mark[data-claim-index]', { hasText: '40,000' }).first().click();
  await page.getByTestId('link-row').first().waitFor();
  await page.waitForTimeout(300); // let the chart and checks settle after the links arrive
  // The inspector pane scrolled so the links table (and what follows it) is in view.
  await page.getByTestId('links-table').evaluate((table) => table.scrollIntoView({ block: 'center' }));
  await shoot('inspector');
  await page.getByRole('button', { name: 'Close the claim inspector' }).click();

  // The claims table: every claim of the corpus.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /claims|table/i }).click();
  await page.getByRole('grid', { name: 'Claims' }).locator('[role="row"][aria-rowindex="2"]').waitFor();
  await shoot('claims-table');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /reader/i }).click();

  // Search: "capacity", the first result open with its hits marked.
  await page.keyboard.press('/');
  await page.keyboard.type('capacity');
  await page.keyboard.press('Enter');
  await page.getByTestId('search-result').nth(1).waitFor();
  await page.getByTestId('search-result').first().click();
  await page.locator('[data-testid="reader"] mark[data-hit]').first().waitFor();
  await shoot('search');

  // The Export dialog: two verdicts and a note made with the keys, then x, the preview drawn.
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('search-input').press('Escape');
  const verdictOn = async (id: string, figure: string, key: string) => {
    await openArticle(id);
    await reader.locator('mark[data-claim-index]', { hasText: figure }).first().click();
    await page.keyboard.press(key);
    await reader.locator('mark[data-claim-index][data-verdict]', { hasText: figure }).first().waitFor();
  };
  await verdictOn(PRISONS, '40,000', '3');
  await page.keyboard.press('e');
  await page.getByRole('dialog').getByLabel(/note/i).fill('A round figure: the ministry counted 38,990 in March 2020.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await verdictOn(DRUG_CRIMES, '19 percent', '1');
  await page.keyboard.press('x');
  const exportDialog = page.getByRole('dialog', { name: 'Export a report' });
  await exportDialog.getByTestId('export-summary').getByText(/^2$/).first().waitFor();
  const preview = await (await exportDialog.getByTestId('export-preview').elementHandle())!.contentFrame();
  // The preview scrolled to the first annotated claim, in its sentence, with its verdict and links.
  const annotated = preview!.locator('.entry', { has: preview!.locator('mark', { hasText: '40,000' }) }).first();
  await annotated.waitFor();
  await annotated.evaluate((entry) => entry.scrollIntoView({ block: 'start' }));
  await shoot('export');
  if (session.foreignRequests.length) throw new Error(`requests beyond the local server: ${session.foreignRequests.join(', ')}`);
  console.log(written.length > 0 ? `wrote ${written.join(', ')}` : `no picture named ${only.join(', ')}`);
} finally {
  await session.close();
}
