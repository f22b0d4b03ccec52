import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli';
import { readDocument } from '../../../../main/corpus';

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
    for (const hit of result.hits) {
      const read = await readDocument(join(SAMPLES, hit.id));
      if (!read.ok) throw new Error(read.error.reason);
      expect(hit.matches.length).toBeGreaterThan(0);
      for (const match of hit.matches) expect(read.text.slice(match.start, match.end).toLowerCase()).toBe('capacity');
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

  it('claims --json maps each file of a folder to its claims, with the fields the README documents', async () => {
    const { code, out } = await run(['claims', SAMPLES, '--json', '--no-cache']);
    expect(code).toBe(0);
    const byFile = JSON.parse(out);
    expect(Object.keys(byFile).sort()).toEqual(['000_083e109e7a8c2a9d.txt', '001_45ad8d4c2d59c9f0.txt', '002_131d7aa2d4a58d4a.txt', '003_78519aec2665b739.txt', '004_deb5ea4405a2ed8d.txt']);
    const population = byFile['003_78519aec2665b739.txt'].find((c: { text: string }) => c.text === 'over 38,990');
    expect(population).toMatchObject({ value: 38990, unit: 'count', kind: 'count', qualifier: 'gt', low: 38990, high: null });
    for (const key of ['text', 'value', 'unit', 'kind', 'qualifier', 'low', 'high', 'start', 'end', 'quantity', 'time']) expect(population).toHaveProperty(key);
    // Offsets index the normalised text (003 starts with blank lines that normalisation drops).
    const read = await readDocument(join(SAMPLES, '003_78519aec2665b739.txt'));
    if (!read.ok) throw new Error(read.error.reason);
    expect(read.text.slice(population.start, population.end)).toBe('over 38,990');
  });

  it('claims on one file keys the output by its name, options after the path', async () => {
    const { code, out } = await run(['claims', join(SAMPLES, '004_deb5ea4405a2ed8d.txt'), '--json']);
    expect(code).toBe(0);
    const byFile = JSON.parse(out);
    expect(Object.keys(byFile)).toEqual(['004_deb5ea4405a2ed8d.txt']);
    expect(byFile['004_deb5ea4405a2ed8d.txt'].map((c: { text: string }) => c.text)).toEqual(expect.arrayContaining(['$6.6 billion', 'some 39,000', 'more than 35 percent']));
  });

  it('claims reports an unreadable file by name and reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckon-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const { code, err } = await run(['claims', join(dir, 'empty.txt')]);
    expect(code).toBe(1);
    expect(err).toMatch(/empty\.txt: .*empty/i);
  });

  it('index shows dates as the texts give them: no guessed year, file dates marked', async () => {
    const { out } = await run(['index', SAMPLES, '--no-cache']);
    expect(out).toMatch(/001_45ad8d4c2d59c9f0\.txt .*\(February 23, year not stated\)/);
    expect(out).toMatch(/003_78519aec2665b739\.txt .*\(2020-07-23\)/);
    expect(out).toMatch(/000_083e109e7a8c2a9d\.txt .*, file date\)/);
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
