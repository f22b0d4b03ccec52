/**
 * `reckon report` and `reckon import` over the user-data store the app uses
 * (RECKON_USER_DATA), with annotations made through the back end by the report fixture.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli';
import { openConfSettings } from '../../../../main/store/settings';
import { REPORT_SCHEMA_VERSION, type Report } from '../../../../shared/domain/report';
import { ARTICLES, makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

const CHROMIUM = '/usr/bin/chromium';

let fixture: ReportFixture;
const saved = { userData: process.env.RECKON_USER_DATA, path: process.env.PATH, cwd: process.cwd() };
const temps: string[] = [];

beforeAll(async () => {
  fixture = await makeReportFixture();
  await fixture.backend.close();
}, 60_000);
afterEach(() => {
  process.env.RECKON_USER_DATA = fixture.userData;
  process.env.PATH = saved.path;
  process.chdir(saved.cwd);
});
afterAll(async () => {
  if (saved.userData === undefined) delete process.env.RECKON_USER_DATA;
  else process.env.RECKON_USER_DATA = saved.userData;
  await fixture.dispose();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-cli-report-'));
  temps.push(dir);
  return dir;
}

async function run(args: string[], userData = fixture.userData) {
  process.env.RECKON_USER_DATA = userData;
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('reckon report', () => {
  it('prints the HTML report by default, with the annotations and settings the app keeps', async () => {
    const { code, out, err } = await run(['report', fixture.folder]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('Dara Sok'); // the author from the settings
    expect(out).toContain('Rounded up, 40,000 is fair'); // a note made in the app
  });

  it('prints each text format to standard output', async () => {
    const md = await run(['report', fixture.folder, '--format', 'md']);
    expect(md.out).toMatch(/^# Fact-check report: sample-corpus/);
    const csv: string[][] = parseCsv((await run(['report', '--format', 'csv', fixture.folder])).out.replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(expect.arrayContaining(['Article ID', 'Verdict', 'Note']));
    expect(csv).toHaveLength(1 + 8);
    const json: Report = JSON.parse((await run(['report', fixture.folder, '--format', 'json'])).out);
    expect(json.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(json.summary.annotations).toBe(8);
    const w3c = JSON.parse((await run(['report', fixture.folder, '--format', 'w3c'])).out);
    expect([w3c.type].flat()).toContain('AnnotationCollection');
    const claimReview = JSON.parse((await run(['report', fixture.folder, '--format', 'claimreview'])).out);
    expect(claimReview['@graph'][0].reviewRating).toMatchObject({ '@type': 'Rating' });
  });

  it('filters by article and verdict', async () => {
    const byArticle: Report = JSON.parse((await run(['report', fixture.folder, '--format', 'json', '--articles', `${ARTICLES.drugs},${ARTICLES.statement}`])).out);
    expect(byArticle.sources.map((s) => s.id).sort()).toEqual([ARTICLES.drugs, ARTICLES.statement].sort());
    const byVerdict: Report = JSON.parse((await run(['report', fixture.folder, '--format', 'json', '--verdicts', 'accurate,none'])).out);
    expect(byVerdict.summary).toMatchObject({ annotations: 3, noVerdict: 1 });
  });

  it('writes --out atomically and prints the path', async () => {
    const dir = tempDir();
    const target = join(dir, 'report.md');
    const { code, out } = await run(['report', fixture.folder, '--format', 'md', '--out', target]);
    expect(code).toBe(0);
    expect(out).toBe(`${target}\n`);
    expect(readFileSync(target, 'utf8')).toBe((await run(['report', fixture.folder, '--format', 'md'])).out);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('fails (exit 1) on a folder that is not there, or an --out it cannot write, naming it and leaving nothing behind', async () => {
    const missing = await run(['report', join(tempDir(), 'gone'), '--format', 'md']);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toMatch(/^reckon: Folder not found: .*gone\n$/);

    const parent = tempDir();
    const nowhere = join(parent, 'no-such-folder', 'report.md');
    const unwritable = await run(['report', fixture.folder, '--format', 'md', '--out', nowhere]);
    expect(unwritable).toMatchObject({ code: 1, out: '' });
    expect(unwritable.err).toBe(`reckon: cannot write ${nowhere}: its folder does not exist\n`);
    expect(readdirSync(parent)).toEqual([]);

    // A folder given as the file: the report is not written into it or beside it.
    const folder = tempDir();
    const onFolder = await run(['report', fixture.folder, '--format', 'md', '--out', folder]);
    expect(onFolder).toMatchObject({ code: 1, out: '' });
    expect(onFolder.err).toBe(`reckon: cannot write ${folder}: it is a folder\n`);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`${folder.split('/').pop()}.tmp-`))).toEqual([]);
  });

  it.runIf(existsSync(CHROMIUM))('prints a PDF with --chromium, under its suggested name in the current folder without --out', async () => {
    const dir = tempDir();
    process.chdir(dir);
    const { code, out, err } = await run(['report', fixture.folder, '--format', 'pdf', '--chromium', CHROMIUM]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const path = join(dir, readdirSync(dir)[0]!);
    expect(out).toBe(`${path}\n`);
    expect(path).toMatch(/reckon-report-sample-corpus-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('finds Chromium on PATH', async () => {
    const bin = tempDir();
    // A stand-in that "prints" whatever it is given, found by name on PATH.
    const fake = join(bin, 'chromium');
    writeFileSync(fake, '#!/bin/sh\nfor a in "$@"; do case "$a" in --print-to-pdf=*) printf "%%PDF-1.4 stand-in" > "${a#--print-to-pdf=}";; esac; done\n');
    chmodSync(fake, 0o755);
    process.env.PATH = bin;
    const target = join(tempDir(), 'r.pdf');
    const { code } = await run(['report', fixture.folder, '--format', 'pdf', '--out', target]);
    expect(code).toBe(0);
    expect(readFileSync(target, 'latin1')).toBe('%PDF-1.4 stand-in');
  });

  it('without Chromium, exits 1 saying how to get one', async () => {
    process.env.PATH = '';
    const { code, out, err } = await run(['report', fixture.folder, '--format', 'pdf']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/PDF export needs Chromium.*sudo apt install chromium.*--chromium PATH/);
    const missing = await run(['report', fixture.folder, '--format', 'pdf', '--chromium', '/no/such/chrome']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Chromium not found at \/no\/such\/chrome/);
  });

  it('names the valid choices for an unknown format, verdict or article (exit 2)', async () => {
    const format = await run(['report', fixture.folder, '--format', 'docx']);
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/unknown format "docx"; valid: html, pdf, md, csv, json, w3c, claimreview/);
    const verdict = await run(['report', fixture.folder, '--verdicts', 'accurate,wrong']);
    expect(verdict.code).toBe(2);
    expect(verdict.err).toMatch(/unknown verdict "wrong"; valid: accurate, mostly-accurate, needs-context, misleading, inaccurate, unverifiable, none/);
    const article = await run(['report', fixture.folder, '--articles', 'nope.txt']);
    expect(article.code).toBe(2);
    expect(article.err).toMatch(new RegExp(`unknown article "nope\\.txt"; valid: .*${ARTICLES.prisons.replace('.', '\\.')}`));
    expect((await run(['report'])).code).toBe(2);
  });

  it('does not add the folder to the app’s recent folders', async () => {
    const before = openConfSettings(fixture.userData).recentFolders();
    const other = tempDir();
    writeFileSync(join(other, 'a.txt'), 'Headline\n\nSome 39,000 prisoners.\n');
    expect((await run(['report', other, '--format', 'json'])).code).toBe(0);
    expect(openConfSettings(fixture.userData).recentFolders()).toEqual(before);
  });
});

describe('reckon import', () => {
  it('imports a W3C export into another user-data folder and says what happened, in words', async () => {
    const file = join(tempDir(), 'notes.annotations.jsonld');
    expect((await run(['report', fixture.folder, '--format', 'w3c', '--out', file])).code).toBe(0);
    const fresh = tempDir();
    const { code, out } = await run(['import', fixture.folder, file], fresh);
    expect(code).toBe(0);
    expect(out).toMatch(/^Imported 8 of 8 annotations from notes\.annotations\.jsonld \(Reckon's W3C export\): 6 anchored, 0 moved, 1 changed, 1 orphaned\.\n$/);
    const json: Report = JSON.parse((await run(['report', fixture.folder, '--format', 'json'], fresh)).out);
    expect(json.summary.annotations).toBe(8);
  });

  it('lists what it skipped and fails when nothing could be imported', async () => {
    const file = join(tempDir(), 'h.json');
    writeFileSync(file, JSON.stringify({ total: 1, rows: [{ id: 'abc', uri: 'https://elsewhere.example/x', text: 'note', target: [{ source: 'https://elsewhere.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'not in the corpus at all' }] }] }] }));
    const { code, out } = await run(['import', fixture.folder, file], tempDir());
    expect(code).toBe(1);
    expect(out).toMatch(/^Imported 0 of 1 annotation from h\.json \(a Hypothesis export\).*\nSkipped 1:\n {2}item 1: ./);
  });

  it('fails clearly on a file it cannot read', async () => {
    const { code, err } = await run(['import', fixture.folder, '/no/such/file.json'], tempDir());
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read \/no\/such\/file\.json: no such file/);
    expect((await run(['import', fixture.folder])).code).toBe(2);
  });
});
