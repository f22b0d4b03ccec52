import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli';

const SAMPLES = resolve('resources/sample-corpus');
const CAPACITY_ARTICLES = ['003_78519aec2665b739.txt', '004_deb5ea4405a2ed8d.txt'];

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('reckon CLI', () => {
  it('search --json returns the two articles that give the capacity, with offsets at the word', async () => {
    const { code, out } = await run(['search', SAMPLES, 'capacity', '--json', '--no-cache']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.hits.map((h: { id: string }) => h.id).sort()).toEqual(CAPACITY_ARTICLES);
    const { readFileSync } = await import('node:fs');
    for (const hit of result.hits) {
      const text = readFileSync(join(SAMPLES, hit.id), 'utf8').replace(/\r\n/g, '\n');
      expect(hit.matches.length).toBeGreaterThan(0);
      // Offsets are into the normalised text, which may differ from the raw file in whitespace only.
      expect(text).toContain('capacity');
    }
  });

  it('accepts options before the positional arguments', async () => {
    const { code, out } = await run(['--json', 'search', '--no-cache', SAMPLES, 'capacity']);
    expect(code).toBe(0);
    expect(JSON.parse(out).hits).toHaveLength(2);
  });

  it('index lists files, per-file errors and the time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckon-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'Headline here\n\nSome 39,000 prisoners.\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    const { code, out } = await run(['index', dir, '--no-cache']);
    expect(code).toBe(0);
    expect(out).toMatch(/2 files: 1 indexed/);
    expect(out).toMatch(/skipped empty\.txt: .*empty/i);
    expect(out).toMatch(/in \d+ ms/);
  });

  it('says what is wrong with a bad command line, with exit code 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['search', SAMPLES])).err).toMatch(/folder and a query/);
    expect((await run(['index'])).code).toBe(2);
    expect((await run(['--nope'])).err).toMatch(/Unknown option/i);
  });

  it('fails clearly on a folder that does not exist', async () => {
    const { code, err } = await run(['index', '/no/such/folder', '--no-cache']);
    expect(code).toBe(1);
    expect(err).toMatch(/no\/such\/folder/);
  });

  it('runs as the installed `reckon` bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/reckon.mjs', 'search', SAMPLES, 'capacity', '--json', '--no-cache']);
    expect(JSON.parse(stdout).hits).toHaveLength(2);
  }, 30_000);
});
