import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportEntry } from '../../../../shared/domain/report';
import { REPORT_CSV_HEADERS, renderReportCsv } from '../../../../shared/report/csv';
import { expectGolden } from '../../../support/golden';
import { makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

/** Read back as a spreadsheet would: BOM dropped, CRLF records, quoted fields. */
const readCsv = (csv: string): string[][] => parse(csv, { bom: true, record_delimiter: '\r\n', relax_column_count: false });

const column = (name: string): number => REPORT_CSV_HEADERS.indexOf(name);

describe('renderReportCsv', () => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await makeReportFixture();
  });
  afterAll(() => fixture?.dispose());

  /** The fixture's report with its first entry changed: a hand-made edge case in a real setting. */
  function withFirstEntry(patch: Partial<ReportEntry>): Report {
    const report = structuredClone(fixture.report);
    const first = report.articles[0]!.entries[0]!;
    report.articles[0]!.entries[0] = { ...first, ...patch };
    return report;
  }

  it('matches the golden file', () => {
    expectGolden('report/sample.csv', renderReportCsv(fixture.report));
  });

  it('is UTF-8 with a BOM and CRLF line ends, and reads back as the header and one row per annotation', () => {
    const csv = renderReportCsv(fixture.report);
    expect(csv.startsWith('\uFEFFArticle ID,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(csv);
    expect(header).toEqual(REPORT_CSV_HEADERS);
    const entries = fixture.report.articles.flatMap((a) => a.entries);
    expect(rows).toHaveLength(fixture.report.summary.annotations);
    expect(rows.map((row) => row[column('Annotation ID')])).toEqual(entries.map((e) => e.annotationId));
    for (const row of rows) expect(row).toHaveLength(REPORT_CSV_HEADERS.length);
  });

  it('fills the columns from the entry: figure, verdict, links summary, checks, anchor', () => {
    const rows = readCsv(renderReportCsv(fixture.report)).slice(1);
    const byQuote = (quote: string) => rows.find((row) => row[column('Quote')] === quote)!;
    const prisons = byQuote('40,000');
    expect(prisons[column('Verdict')]).toBe('Mostly accurate');
    expect(prisons[column('Rating')]).toBe('5');
    expect(prisons[column('Value')]).toBe('40000');
    expect(prisons[column('Tags')]).toBe('prisons; rounding');
    expect(prisons[column('Other sources')]).toMatch(/^agrees: some 39,000 \(Justice Ministry Denies “Pressure” Led to Release of 27 Activists, \d{4}-11-15\); agrees: over 38,990 \(/);
    expect(prisons[column('Evidence')]).toContain('https://www.licadho-cambodia.org/prisons/');
    const drugs = byQuote('19 percent');
    expect(drugs[column('Arithmetic checks')]).toBe('adds up: (9,572 − 8,018) ÷ 8,018 × 100 = 19.38%');
    expect(byQuote('750 kilogrammes')[column('Quote as annotated')]).toBe('720 kilogrammes');
    expect(byQuote('750 kilogrammes')[column('Anchor')]).toBe('changed');
    expect(byQuote('26')[column('Discrepancy')]).toBe('yes');
    const noVerdict = byQuote('drug rehabilitation centres');
    // Not a detected claim: no figure, so no discrepancy either way.
    expect([noVerdict[column('Verdict')], noVerdict[column('Rating')], noVerdict[column('Figure')], noVerdict[column('Discrepancy')]]).toEqual(['', '', '', '']);
    expect(byQuote('40,000')[column('Discrepancy')]).toBe('no');
  });

  it('escapes cells that a spreadsheet would run as a formula, and says so with a leading apostrophe', () => {
    const report = withFirstEntry({
      quote: '-5%',
      note: '=SUM(A1)',
      tags: ['+1', '@cmd', '\tindent', '\rreturn', 'plain'],
      claim: { ...fixture.report.articles[0]!.entries[0]!.claim!, text: '-5%', value: -5, quantity: '=HYPERLINK("http://x")' },
    });
    const row = readCsv(renderReportCsv(report))[1]!;
    expect(row[column('Quote')]).toBe("'-5%");
    expect(row[column('Figure')]).toBe("'-5%");
    expect(row[column('Note')]).toBe("'=SUM(A1)");
    expect(row[column('What it counts')]).toBe('\'=HYPERLINK("http://x")');
    // Joined, the tags cell begins with "+": one apostrophe for the cell.
    expect(row[column('Tags')]).toBe("'+1; @cmd; \tindent; \rreturn; plain");
    // A bare number cannot be a formula: it stays a number for the spreadsheet.
    expect(row[column('Value')]).toBe('-5');
    row.forEach((cell, i) => {
      if (i !== column('Value')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  it('keeps commas, quotes and line breaks in a note', () => {
    const note = 'First, "quoted" line\nsecond line\r\nthird, with """triple""" quotes';
    const csv = renderReportCsv(withFirstEntry({ note }));
    expect(csv).toContain('"First, ""quoted"" line\nsecond line\r\nthird, with """"""triple"""""" quotes"');
    expect(readCsv(csv)[1]![column('Note')]).toBe(note);
  });

  it('writes only the header when no annotation matches', () => {
    const empty = { ...fixture.report, articles: [] };
    expect(readCsv(renderReportCsv(empty))).toEqual([REPORT_CSV_HEADERS]);
  });
});
