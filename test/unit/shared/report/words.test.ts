import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ReportCheck } from '../../../../shared/domain/report';
import { REPORT_CSV_HEADERS, renderReportCsv } from '../../../../shared/report/csv';
import { renderReportHtml } from '../../../../shared/report/html';
import { renderReportMarkdown } from '../../../../shared/report/markdown';
import { checkWorking, describeFilter, formatGenerated, linkSourceDate, plural, sourceDatesOf } from '../../../../shared/report/words';
import { entry, link, reportWith, source } from './builders';

const check: ReportCheck = {
  id: 'c1',
  kind: 'ratio',
  formula: '38,990 ÷ 26,593 × 100',
  computed: 146.6172,
  unit: 'percent',
  verdict: 'derived',
  sentence: 'Over 38,990 against a capacity of 26,593.',
  subject: false,
};

describe('report words', () => {
  it('counts in words, and dates the report in UTC', () => {
    expect([plural(0, 'claim'), plural(1, 'claim'), plural(1204, 'claim')]).toEqual(['0 claims', '1 claim', '1,204 claims']);
    expect(formatGenerated('2026-11-21T14:05:09.000Z')).toBe('21 Nov 2026, 14:05 UTC');
  });

  it('dates a linked figure as its article’s section does, or by its day in words when that article is outside the report', () => {
    const dates = sourceDatesOf({ sources: [source({ id: 'two.txt', date: { iso: '2021-11-15', source: 'text', yearInferred: true } })] });
    expect(linkSourceDate(link(), dates)).toBe('15 Nov');
    expect(linkSourceDate(link({ ref: { articleId: 'elsewhere.txt', start: 0, end: 6 } }), dates)).toBe('5 Mar 2020');
  });

  it('says the selection in words', () => {
    const report = reportWith([], { filter: { articleIds: ['one.txt'], verdicts: ['accurate', 'none', 'gone'] } });
    expect(describeFilter(report)).toBe('1 chosen article; verdicts: Accurate, No verdict, gone');
    expect(describeFilter(reportWith([]))).toBe('');
  });

  it('gives a check’s working as the claim inspector does', () => {
    expect(checkWorking(check)).toBe('38,990 ÷ 26,593 × 100 = 146.62%');
  });
});

describe('HTML, Markdown and CSV say the same thing', () => {
  // A link to an article outside the report (filtered out): only its ISO day travels with it.
  const report = reportWith([entry({ checks: [check], links: [link({ ref: { articleId: 'elsewhere.txt', start: 0, end: 6 } })] })]);

  it('give the same working for an arithmetic check', () => {
    expect(renderReportHtml(report)).toContain('<code class="formula">38,990 ÷ 26,593 × 100 = 146.62%</code>');
    expect(renderReportMarkdown(report)).toContain('38,990 ÷ 26,593 × 100 = 146.62%');
    const [, row] = parse(renderReportCsv(report), { bom: true }) as string[][];
    expect(row![REPORT_CSV_HEADERS.indexOf('Arithmetic checks')]).toBe('derived: 38,990 ÷ 26,593 × 100 = 146.62%');
  });

  it('date a linked figure whose article is outside the report in words', () => {
    expect(renderReportHtml(report)).toContain('<span class="source-date">5 Mar 2020</span>');
    expect(renderReportMarkdown(report)).toContain('Another paper (5 Mar 2020)');
  });
});

describe('a report of no article (an empty folder, or none chosen)', () => {
  const empty = reportWith([], {
    articles: [],
    sources: [],
    filter: { articleIds: [] },
    summary: { ...reportWith([]).summary, articles: 0, claims: 0 },
  });

  it('says so in the appendix rather than giving an empty table', () => {
    const html = renderReportHtml(empty);
    const appendix = html.slice(html.indexOf('<section class="appendix"'), html.indexOf('</section>', html.indexOf('<section class="appendix"')));
    expect(appendix).toContain('<p class="muted-line">No article in this report.</p>');
    expect(appendix).not.toContain('<table');
    const markdown = renderReportMarkdown(empty);
    expect(markdown.slice(markdown.indexOf('## Appendix: sources'))).toBe('## Appendix: sources\n\nNo article in this report.\n');
  });

  it('still gives the selection, the zero counts and the CSV header', () => {
    expect(renderReportMarkdown(empty)).toContain('- **Selection:** 0 chosen articles');
    expect(renderReportHtml(empty)).toContain('No annotated article matches this selection.');
    expect(parse(renderReportCsv(empty), { bom: true })).toEqual([REPORT_CSV_HEADERS]);
  });
});
