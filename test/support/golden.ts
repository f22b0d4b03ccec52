/**
 * Golden files: a rendered output compared with the committed copy under test/golden/.
 * `RECKON_UPDATE_GOLDEN=1 npx vitest run …` rewrites them; review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';

const GOLDEN_DIR = resolve('test/golden');

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.RECKON_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`No golden file ${path}: run with RECKON_UPDATE_GOLDEN=1 to create it, then review it.`);
  // Compared as text so a failure shows the changed lines.
  expect(actual, `${name} differs from its golden file (RECKON_UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}
