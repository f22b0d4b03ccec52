/**
 * `npm run screenshots`: the README's pictures, taken in headless Chromium from browser
 * mode on the sample corpus at 1280×800, written to docs/.
 */
import { mkdirSync } from 'node:fs';
import { openSession } from './harness';

const session = await openSession({ width: 1280, height: 800 });
try {
  const { page } = session;
  mkdirSync('docs', { recursive: true });
  await page.getByTestId('source-item').nth(4).waitFor();
  await page.getByTestId('source-item').nth(3).click();
  await page.getByTestId('reader-title').waitFor();
  await page.screenshot({ path: 'docs/reckon-reader.png' });

  await page.keyboard.press('/');
  await page.keyboard.type('capacity');
  await page.keyboard.press('Enter');
  await page.getByTestId('search-result').nth(1).waitFor();
  await page.getByTestId('search-result').first().click();
  await page.locator('[data-testid="reader"] mark[data-hit]').first().waitFor();
  await page.screenshot({ path: 'docs/reckon-search.png' });
  console.log('wrote docs/reckon-reader.png, docs/reckon-search.png');
} finally {
  await session.close();
}
