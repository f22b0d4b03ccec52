/**
 * The report calls through the contract (dispatch, as IPC and the HTTP server call them),
 * on the report fixture: the sample corpus with eight annotations made through the
 * contract, one `changed` and one orphan. Every format, the filters, PDF through the real
 * headless Chromium, saving through a (fake) native dialog, and the W3C round trip.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch, unwrap, type CallArgs, type CallName, type CallResult } from '../../../../shared/api';
import { NO_VERDICT, REPORT_SCHEMA_VERSION, type Report, type ReportFile, type ReportFormat } from '../../../../shared/domain/report';
import { type Backend, type BackendOptions } from '../../../../main/backend';
import { chromiumPdfRenderer } from '../../../../main/report/pdf';
import { ARTICLES, FIXED_NOW, FIXTURE_VERSION, makeReportFixture, type ReportFixture } from '../../../support/report-fixture';
import { testBackend } from '../../../support/backend';

const CHROMIUM = '/usr/bin/chromium';

let fixture: ReportFixture;
const opened: Backend[] = [];
const temps: string[] = [];

beforeAll(async () => {
  fixture = await makeReportFixture();
  // The tests open their own back ends (with a PDF renderer, a save dialog, a fixed clock) over the same user data.
  await fixture.backend.close();
}, 60_000);
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.close();
});
afterAll(async () => {
  await fixture.dispose();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function backendWith(extra: Partial<BackendOptions> = {}, userData = fixture.userData): Promise<Backend> {
  const backend = testBackend(userData, fixture.folder, { version: FIXTURE_VERSION, now: () => FIXED_NOW, ...extra });
  opened.push(backend);
  await backend.openCorpus({ dir: fixture.folder });
  return backend;
}

/** A call as a transport makes it: arguments validated by the contract, errors as ApiError. */
async function call<K extends CallName>(backend: Backend, name: K, args: CallArgs<K>): Promise<CallResult<K>> {
  return unwrap(await dispatch(backend, name, args)) as CallResult<K>;
}

const exportText = async (backend: Backend, format: ReportFormat, filter = {}) => call(backend, 'exportReport', { format, filter });
const exportJson = async (backend: Backend, filter = {}): Promise<Report> => JSON.parse((await exportText(backend, 'json', filter)).content);

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-report-out-'));
  temps.push(dir);
  return dir;
}

describe('report calls: formats', () => {
  it('exports every text format, named for the corpus and the date, shaped as its readers expect', async () => {
    const backend = await backendWith();
    const formats = ['html', 'md', 'csv', 'json', 'w3c', 'claimreview'] as const;
    const files = Object.fromEntries(await Promise.all(formats.map(async (f) => [f, await exportText(backend, f)] as const))) as Record<
      (typeof formats)[number],
      ReportFile
    >;
    for (const [format, file] of Object.entries(files)) {
      expect(file.format).toBe(format);
      expect(file.encoding).toBe('utf8');
      expect(file.fileName).toMatch(/^reckon-report-sample-corpus-2026-11-21\./);
    }
    expect(files.html.content.startsWith('<!doctype html>')).toBe(true);
    expect(files.html.mimeType).toMatch(/^text\/html/);
    expect(files.md.content).toMatch(/^# Fact-check report: sample-corpus/);

    const rows: string[][] = parseCsv(files.csv.content.replace(/^\uFEFF/, ''));
    expect(rows.length).toBeGreaterThan(8);
    expect(rows[0]).toEqual(expect.arrayContaining(['Article ID', 'Quote', 'Verdict', 'Note', 'Annotation ID']));

    const json: Report = JSON.parse(files.json.content);
    expect(json.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(json.generated).toBe(FIXED_NOW.toISOString());
    expect(json.author).toBe('Dara Sok');
    expect(json.summary).toMatchObject({ articles: 5, annotations: 8, orphans: 1, noVerdict: 1, claimsChecked: 7 });

    const w3c = JSON.parse(files.w3c.content);
    expect([w3c.type].flat()).toContain('AnnotationCollection');
    expect(w3c.first.items).toHaveLength(8);

    const reviews = JSON.parse(files.claimreview.content)['@graph'];
    expect(reviews).toHaveLength(7); // every annotation with a verdict
    for (const review of reviews) expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: expect.any(String) });
  });

  it('previews the HTML report that exportReport gives, with its summary', async () => {
    const backend = await backendWith();
    const preview = await call(backend, 'reportPreview', { filter: {} });
    expect(preview.html).toBe((await exportText(backend, 'html')).content);
    expect(preview.summary).toEqual((await exportJson(backend)).summary);
  });

  it('reports annotations anchored as listAnnotations anchors them (one changed, one orphan)', async () => {
    const backend = await backendWith();
    const { annotations } = await call(backend, 'listAnnotations', {});
    const report = await exportJson(backend);
    const states = new Map(report.articles.flatMap((a) => a.entries).map((e) => [e.annotationId, e.anchor]));
    expect(states.size).toBe(annotations.length);
    for (const a of annotations) expect(states.get(a.id)).toBe(a.anchor.state);
    expect([...states.values()].sort()).toEqual(['anchored', 'anchored', 'anchored', 'anchored', 'anchored', 'anchored', 'changed', 'orphan']);
  });

  it('fails without an open folder', async () => {
    const backend = testBackend(fixture.userData, fixture.folder, { version: FIXTURE_VERSION });
    opened.push(backend);
    await expect(call(backend, 'exportReport', { format: 'html', filter: {} })).rejects.toMatchObject({ code: 'no-corpus' });
  });
});

describe('report calls: filters', () => {
  it('keeps only the chosen articles', async () => {
    const backend = await backendWith();
    const report = await exportJson(backend, { articleIds: [ARTICLES.drugs] });
    expect(report.sources.map((s) => s.id)).toEqual([ARTICLES.drugs]);
    expect(report.articles.map((a) => a.source.id)).toEqual([ARTICLES.drugs]);
    expect(report.summary.annotations).toBe(2);
    const csv: string[][] = parseCsv((await exportText(backend, 'csv', { articleIds: [ARTICLES.drugs] })).content.replace(/^\uFEFF/, ''));
    const articleColumn = csv[0]!.indexOf('Article ID');
    expect(new Set(csv.slice(1).map((row) => row[articleColumn]))).toEqual(new Set([ARTICLES.drugs]));
  });

  it('keeps only the chosen verdicts, "none" meaning annotations without one', async () => {
    const backend = await backendWith();
    const accurate = await exportJson(backend, { verdicts: ['accurate'] });
    const entries = accurate.articles.flatMap((a) => a.entries);
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.verdict?.id === 'accurate')).toBe(true);
    const unjudged = (await exportJson(backend, { verdicts: [NO_VERDICT] })).articles.flatMap((a) => a.entries);
    expect(unjudged.map((e) => e.note)).toEqual(['Ask the ministry how many centres exist today.']);
  });

  it('refuses a malformed filter at the contract', async () => {
    const backend = await backendWith();
    await expect(call(backend, 'exportReport', { format: 'html', filter: { articleIds: [''] } })).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(call(backend, 'exportReport', { format: 'docx' as ReportFormat, filter: {} })).rejects.toMatchObject({ code: 'invalid-args' });
  });
});

describe('report calls: PDF', () => {
  it.runIf(existsSync(CHROMIUM))('prints the HTML report with headless Chromium: a PDF of several pages that says what the report says', async () => {
    const backend = await backendWith({ renderPdf: chromiumPdfRenderer(CHROMIUM) });
    const file = await call(backend, 'exportReport', { format: 'pdf', filter: {} });
    expect(file).toMatchObject({ format: 'pdf', encoding: 'base64', mimeType: 'application/pdf', fileName: 'reckon-report-sample-corpus-2026-11-21.pdf' });
    const bytes = Buffer.from(file.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
    expect(pdf.numPages).toBeGreaterThan(1);
    const firstPage = await (await pdf.getPage(1)).getTextContent();
    const text = firstPage.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toMatch(/Fact-check report/);
    expect(text).toMatch(/Dara Sok/);
    await pdf.destroy();
  }, 60_000);

  it('says how to get Chromium when there is no PDF renderer', async () => {
    const backend = await backendWith();
    const failure = call(backend, 'exportReport', { format: 'pdf', filter: {} });
    await expect(failure).rejects.toMatchObject({ code: 'io' });
    await expect(failure).rejects.toThrow(/sudo apt install chromium.*--chromium PATH/s);
  });

  it('passes the renderer’s failure on as an io error, and gives the renderer the HTML report', async () => {
    const renderPdf = vi.fn(async () => {
      throw new Error('Chromium exited with code 1');
    });
    const backend = await backendWith({ renderPdf });
    await expect(call(backend, 'exportReport', { format: 'pdf', filter: {} })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/PDF could not be made: Chromium exited with code 1/),
    });
    expect(renderPdf).toHaveBeenCalledWith((await exportText(backend, 'html')).content);
  });
});

describe('report calls: saveReport', () => {
  it('is refused without a native save dialog (browser mode downloads instead)', async () => {
    const backend = await backendWith();
    await expect(call(backend, 'saveReport', { format: 'html', filter: {} })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/browser downloads/),
    });
  });

  it('asks where with the suggested name, writes the file there whole, and leaves no temp file', async () => {
    const dir = tempDir();
    const target = join(dir, 'my report.md');
    const saveFile = vi.fn(async () => target);
    const backend = await backendWith({ saveFile });
    expect(await call(backend, 'saveReport', { format: 'md', filter: { verdicts: ['accurate'] } })).toEqual({ path: target });
    expect(saveFile).toHaveBeenCalledWith('reckon-report-sample-corpus-2026-11-21.md', 'md');
    expect(readFileSync(target, 'utf8')).toBe((await exportText(backend, 'md', { verdicts: ['accurate'] })).content);
    expect(readdirSync(dir)).toEqual(['my report.md']);
  });

  it('writes a PDF as bytes, and prints nothing when the dialog is cancelled', async () => {
    const dir = tempDir();
    const fakePdf = new TextEncoder().encode('%PDF-1.4 not really\n\u00ff');
    const renderPdf = vi.fn(async () => fakePdf);
    let answer: string | null = null;
    const backend = await backendWith({ renderPdf, saveFile: async () => answer });
    expect(await call(backend, 'saveReport', { format: 'pdf', filter: {} })).toEqual({ path: null });
    expect(renderPdf).not.toHaveBeenCalled();
    answer = join(dir, 'report.pdf');
    await call(backend, 'saveReport', { format: 'pdf', filter: {} });
    expect(new Uint8Array(readFileSync(answer))).toEqual(fakePdf);
  });

  it('says where it could not write', async () => {
    const dir = tempDir();
    const backend = await backendWith({ saveFile: async () => join(dir, 'missing', 'r.html') });
    await expect(call(backend, 'saveReport', { format: 'html', filter: {} })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/could not be saved to .*r\.html/),
    });
  });
});

describe('report calls: importAnnotations', () => {
  it('re-imports the W3C export into a fresh store, every annotation anchored as it was', async () => {
    const source = await backendWith();
    const { annotations: original } = await call(source, 'listAnnotations', {});
    const w3c = await exportText(source, 'w3c');

    const freshUserData = tempDir();
    const target = await backendWith({}, freshUserData);
    expect((await call(target, 'listAnnotations', {})).annotations).toHaveLength(0);
    const result = await call(target, 'importAnnotations', { fileName: w3c.fileName, content: w3c.content });
    expect(result).toMatchObject({ dialect: 'reckon', imported: original.length, skipped: [] });
    expect(result.anchored + result.moved + result.changed + result.orphaned).toBe(original.length);

    const { annotations: imported } = await call(target, 'listAnnotations', {});
    const byId = new Map(imported.map((a) => [a.id, a]));
    for (const a of original) {
      const copy = byId.get(a.id);
      expect(copy, a.note).toBeDefined();
      expect(copy).toMatchObject({ note: a.note, verdict: a.verdict, tags: a.tags, anchor: { state: a.anchor.state } });
      if (a.anchor.state !== 'orphan') expect(copy!.anchor).toMatchObject({ start: a.anchor.start, end: a.anchor.end });
    }
  });

  it('needs an open folder, and reports what it could not read', async () => {
    const backend = await backendWith({}, tempDir());
    await expect(call(backend, 'importAnnotations', { fileName: 'x.json', content: 'not json' })).rejects.toMatchObject({
      code: 'invalid-args',
      message: expect.stringMatching(/^x\.json: not JSON/),
    });
    await backend.close();
    await expect(call(backend, 'importAnnotations', { fileName: 'x.json', content: '{}' })).rejects.toMatchObject({ code: 'no-corpus' });
  });
});
