/**
 * The CSV export opened by a real spreadsheet: Debian's LibreOffice Calc converts it to
 * xlsx headless, and the sheet inside is read back with jszip. CI does not install
 * LibreOffice, so without `libreoffice` on PATH this file skips and says why.
 *
 * The import uses LibreOffice's own CSV filter with UTF-8 named (`CSV:44,34,76,1`: comma,
 * double quote, UTF-8, from line 1), as its import dialog does when it sees the BOM. Headless
 * conversion without filter options ignores the BOM and reads the file in the system's legacy
 * code page (measured with 7.4: "ï»¿Article ID", "â€œPressureâ€"), which no user sees.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../shared/domain/report';
import { REPORT_CSV_HEADERS, renderReportCsv } from '../../shared/report/csv';

const run = promisify(execFile);

const libreoffice = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'libreoffice'))
  .find((path) => existsSync(path));
if (!libreoffice) console.warn("[report CSV in LibreOffice] skipped: no `libreoffice` on PATH (install Debian's libreoffice-calc to run it; CI does not).");

const GOLDEN_CSV = resolve('test/golden/report/sample.csv');
const GOLDEN_JSON = resolve('test/golden/report/sample.json');

interface Cell {
  /** 's' shared string, 'n' number, 'str' formula string, 'b' boolean… */
  type: string;
  value: string;
  formula: string | null;
}
type Sheet = Cell[][];

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (XML_ENTITIES[name] ?? whole),
  );

const columnIndex = (ref: string): number => [...ref.replace(/\d+$/, '')].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The first worksheet of an xlsx, cells resolved against the shared strings. */
async function readXlsx(path: string): Promise<Sheet> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sharedXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) => [...si[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join(''));
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  return [...sheetXml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: Cell[] = [];
    for (const c of row[1]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="(\w+)"/.exec(c[2]!)?.[1] ?? 'n';
      const raw = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1] ?? '');
      const formula = /<f[^>]*>([\s\S]*?)<\/f>/.exec(c[3] ?? '')?.[1];
      cells[columnIndex(c[1]!)] = { type, value: type === 's' ? shared[Number(raw)]! : raw, formula: formula === undefined ? null : unescapeXml(formula) };
    }
    return Array.from(cells, (cell) => cell ?? { type: 'empty', value: '', formula: null });
  });
}

describe.skipIf(!libreoffice)('the CSV report in LibreOffice Calc', () => {
  let dir: string;
  let report: Sheet;
  let injection: Sheet;
  let control: Sheet;
  let expectedRows: number;
  let seconds: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reckon-csv-lo-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'report.csv'), readFileSync(GOLDEN_CSV));

    // The golden report with cells a spreadsheet would run, as a note, a quote, a figure and tags.
    const sample = Report.parse(JSON.parse(readFileSync(GOLDEN_JSON, 'utf8')));
    expectedRows = sample.summary.annotations;
    const first = sample.articles[0]!.entries[0]!;
    sample.articles[0]!.entries[0] = {
      ...first,
      quote: '-2+3',
      note: '=HYPERLINK("http://127.0.0.1/x","Café")',
      tags: ['@SUM(1;2)'],
      claim: first.claim && { ...first.claim, text: '+1+1', quantity: '-5%' },
    };
    writeFileSync(join(input, 'injection.csv'), renderReportCsv(sample));
    // Proof that this reader evaluates what is not escaped: the same import runs "=1+1".
    writeFileSync(join(input, 'control.csv'), '\uFEFFa,b\r\n=1+1,plain\r\n');

    const started = performance.now();
    await run(
      libreoffice!,
      [
        // A fresh profile: no first-start dialogs, and runs in parallel do not share a lock.
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'out'),
        ...['report', 'injection', 'control'].map((name) => join(input, `${name}.csv`)),
      ],
      { timeout: 120_000 },
    );
    seconds = (performance.now() - started) / 1000;
    const converted = (name: string) => readXlsx(join(dir, 'out', `${name}.xlsx`));
    [report, injection, control] = await Promise.all([converted('report'), converted('injection'), converted('control')]);
    console.info(`[report CSV in LibreOffice] 3 files converted in ${seconds.toFixed(1)} s; ${report[0]!.length} columns, ${report.length - 1} rows`);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the header as the columns, BOM dropped, and one row per annotation', () => {
    expect(report[0]!.map((cell) => cell.value)).toEqual(REPORT_CSV_HEADERS);
    expect(report).toHaveLength(expectedRows + 1);
    for (const row of report.slice(1)) expect(row.length).toBeLessThanOrEqual(REPORT_CSV_HEADERS.length);
  });

  it('keeps non-ASCII text (curly quotes, dashes, accents) as written', () => {
    const text = report.flat().map((cell) => cell.value);
    expect(text).toContain('Justice Ministry Denies “Pressure” Led to Release of 27 Activists');
    expect(text.some((value) => value.includes('the ministry’s own share'))).toBe(true);
    const note = injection[1]![REPORT_CSV_HEADERS.indexOf('Note')]!;
    expect(note.value).toBe('\'=HYPERLINK("http://127.0.0.1/x","Café")');
  });

  it('brings escaped formula cells in as text, never as formulas, while the control is evaluated', () => {
    expect(control[1]![0]).toMatchObject({ formula: '1+1', value: '2' });
    for (const sheet of [report, injection]) for (const cell of sheet.flat()) expect(cell.formula).toBeNull();
    const note = report.flat().find((cell) => cell.value.startsWith("'=75%"));
    expect(note?.type).toBe('s');
    const row = injection[1]!;
    const at = (name: string) => row[REPORT_CSV_HEADERS.indexOf(name)]!;
    expect([at('Quote'), at('Figure'), at('What it counts'), at('Tags')].map((cell) => [cell.type, cell.value])).toEqual([
      ['s', "'-2+3"],
      ['s', "'+1+1"],
      ['s', "'-5%"],
      ['s', "'@SUM(1;2)"],
    ]);
  });

  it('reads the value column as numbers', () => {
    const value = REPORT_CSV_HEADERS.indexOf('Value');
    const figures = report.slice(1).map((row) => row[value]!).filter((cell) => cell.value !== '');
    expect(figures.length).toBeGreaterThan(0);
    for (const cell of figures) expect(cell.type).toBe('n');
  });
});
