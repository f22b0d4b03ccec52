/**
 * `npm run screenshots`: the README's pictures, taken in headless Chromium from browser
 * mode on the sample corpus at 1280×800, written to docs/.
 */
import { mkdirSync } from 'node:fs';
import { openSession } from './harness';

const PRISONS = '000_083e109e7a8c2a9d.txt'; // 40,000 prisoners, linked to 38,990 and 39,000
const RELEASES = '003_78519aec2665b739.txt'; // many claims: counts, percentages, capacity

const session = await openSession({ width: 1280, height: 800 });
try {
  const { page } = session;
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
  await page.screenshot({ path: 'docs/reckon-reader.png' });

  // The inspector: 40,000 selected, with its links, series and checks.
  await openArticle(PRISONS);
  await reader.locator('mark[data-claim-index]', { hasText: '40,000' }).first().click();
  await page.getByTestId('link-row').first().waitFor();
  await page.waitForTimeout(300); // let the chart and checks settle after the links arrive
  // The inspector pane scrolled so the links table (and what follows it) is in view.
  await page.getByTestId('links-table').evaluate((table) => table.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'docs/reckon-inspector.png' });
  await page.getByRole('button', { name: 'Close the claim inspector' }).click();

  // The claims table: every claim of the corpus.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /claims|table/i }).click();
  await page.getByRole('grid', { name: 'Claims' }).locator('[role="row"][aria-rowindex="2"]').waitFor();
  await page.screenshot({ path: 'docs/reckon-claims-table.png' });
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /reader/i }).click();

  // Search: "capacity", the first result open with its hits marked.
  await page.keyboard.press('/');
  await page.keyboard.type('capacity');
  await page.keyboard.press('Enter');
  await page.getByTestId('search-result').nth(1).waitFor();
  await page.getByTestId('search-result').first().click();
  await page.locator('[data-testid="reader"] mark[data-hit]').first().waitFor();
  await page.screenshot({ path: 'docs/reckon-search.png' });
  if (session.foreignRequests.length) throw new Error(`requests beyond the local server: ${session.foreignRequests.join(', ')}`);
  console.log('wrote docs/reckon-reader.png, docs/reckon-inspector.png, docs/reckon-claims-table.png, docs/reckon-search.png');
} finally {
  await session.close();
}
