import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportMarkdown } from '../../../../shared/report/markdown';
import { expectGolden } from '../../../support/golden';
import { makeReportFixture, type ReportFixture } from '../../../support/report-fixture';
import { entry, link, reportWith } from './builders';

/** The lines between the entry's heading and the next heading (or the appendix). */
function entryBlock(markdown: string): string {
  const start = markdown.indexOf('### 1.');
  return markdown.slice(start, markdown.indexOf('\n## ', start));
}

/** Table cells split the way GFM splits them: on pipes not escaped with a backslash. */
const cells = (row: string): string[] => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/);

describe('renderReportMarkdown on the sample corpus', () => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await makeReportFixture();
  });
  afterAll(() => fixture?.dispose());

  it('matches the golden file', () => {
    expectGolden('report/sample.md', renderReportMarkdown(fixture.report));
  });

  it('has a section per annotated article, an entry per annotation and the appendix of every source', () => {
    const markdown = renderReportMarkdown(fixture.report);
    const { report } = fixture;
    expect(markdown.match(/^## Article \d+ of \d+: /gm)).toHaveLength(report.articles.length);
    expect(markdown.match(/^### \d+\. /gm)).toHaveLength(report.summary.annotations);
    const appendix = markdown.slice(markdown.indexOf('## Appendix: sources'));
    for (const source of report.sources) expect(appendix).toContain(`\`${source.hash}\``);
  });
});

describe('renderReportMarkdown escaping', () => {
  it('keeps a note with pipes, asterisks, HTML and list markers as typed text', () => {
    const note = '26 | 27 *both* in <b>bold</b> & `code`\n# not a heading\n1. not a list\n- nor this\n\nSecond paragraph with a_b and _emphasis_';
    const block = entryBlock(renderReportMarkdown(reportWith([entry({ note })])));
    expect(block).toContain(
      '26 \\| 27 \\*both\\* in \\<b\\>bold\\</b\\> & \\`code\\`\\\n\\# not a heading\\\n1\\. not a list\\\n\\- nor this\n\nSecond paragraph with a_b and \\_emphasis\\_',
    );
  });

  it('escapes `&` only where it would start an entity', () => {
    const block = entryBlock(renderReportMarkdown(reportWith([entry({ note: 'R&D costs &amp; fees' })])));
    expect(block).toContain('R&D costs \\&amp; fees');
  });

  it('keeps a table row whole when a source title or figure contains a pipe or a line break', () => {
    const links = [link({ sourceTitle: 'Left | Right\nNews', text: '38|990' })];
    const block = entryBlock(renderReportMarkdown(reportWith([entry({ links })])));
    const rows = block.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(rows[2]).toContain('Left \\| Right News (5 Mar 2020)');
    expect(rows[2]).toContain('differs by 2.5%');
  });

  it('bolds the quote in its sentence, with <strong> where CommonMark would not open `**`', () => {
    const plain = renderReportMarkdown(reportWith([entry()]));
    expect(plain).toContain('> The system holds **40,000** prisoners.');
    // "cost" then "$5": `**` between a letter and punctuation cannot open emphasis.
    const tight = renderReportMarkdown(reportWith([entry({ quote: '$5', context: { before: 'cost', after: 'm.' } })]));
    expect(tight).toContain('> cost<strong>$5</strong>m.');
  });

  it('escapes a context sentence that begins like a block', () => {
    const markdown = renderReportMarkdown(reportWith([entry({ context: { before: '1. The system holds ', after: ' prisoners.' } })]));
    expect(markdown).toContain('> 1\\. The system holds **40,000** prisoners.');
  });

  it('makes only http(s) evidence a link', () => {
    const evidence = [
      { kind: 'url' as const, label: 'https://example.org/a_b', target: 'https://example.org/a_b', ref: null },
      { kind: 'url' as const, label: 'javascript:alert(1)', target: 'javascript:alert(1)', ref: null },
    ];
    const block = entryBlock(renderReportMarkdown(reportWith([entry({ evidence })])));
    expect(block).toContain('- Web: <https://example.org/a_b>');
    expect(block).toContain('- Web: javascript:alert(1)');
    // `<` and `>` would end the autolink early: they go percent-encoded, as a browser sends them.
    const angled = [{ kind: 'url' as const, label: 'https://example.org/?q=<2>', target: 'https://example.org/?q=<2>', ref: null }];
    expect(entryBlock(renderReportMarkdown(reportWith([entry({ evidence: angled })])))).toContain('- Web: <https://example.org/?q=%3C2%3E>');
  });

  it('puts a file name with backticks or pipes in a code span that holds', () => {
    const report = reportWith([entry()]);
    const odd = { ...report.sources[0]!, id: 'a`b|c.txt' };
    const markdown = renderReportMarkdown({ ...report, sources: [odd], articles: [{ ...report.articles[0]!, source: odd }] });
    expect(markdown).toContain('File ``a`b\\|c.txt``');
  });
});

describe('renderReportMarkdown anchor states and verdicts', () => {
  it('shows an orphan as such, with the text as annotated and no sentence', () => {
    const orphan = entry({ anchor: 'orphan', start: null, end: null, quote: 'He described overcrowding', context: { before: 'prisons. ', after: ' as one' } });
    const block = entryBlock(renderReportMarkdown(reportWith([orphan])));
    expect(block).toContain('**Orphan:** could not be found in the current text of the article.');
    expect(block).toContain('> “He described overcrowding”');
    expect(block).not.toContain('**He described');
  });

  it('shows a changed anchor with its old and new text', () => {
    const changed = entry({ anchor: 'changed', quote: '750 kilogrammes', originalQuote: '720 kilogrammes', context: { before: 'A total of ', after: ' was seized.' } });
    const block = entryBlock(renderReportMarkdown(reportWith([changed])));
    expect(block).toContain('“720 kilogrammes” is now “750 kilogrammes”');
    expect(block).toContain('> A total of **750 kilogrammes** was seized.');
  });

  it('says when there is no verdict, in the heading, the facts and the summary', () => {
    const markdown = renderReportMarkdown(reportWith([entry({ verdict: null })]));
    expect(markdown).toContain('### 1. “40,000” — No verdict');
    expect(markdown).toContain('- **Verdict:** none yet');
    expect(markdown).toMatch(/^\| No verdict \| {2}\| 1 \|$/m);
  });
});

describe('renderReportMarkdown: annotations on missing articles', () => {
  it('says how many annotations are on articles no longer in the folder', () => {
    const base = reportWith([entry()]);
    expect(renderReportMarkdown(base)).not.toContain('no longer in this folder');
    const markdown = renderReportMarkdown({ ...base, summary: { ...base.summary, missingArticle: 1 } });
    expect(markdown).toContain('- **On articles no longer in this folder:** 1 annotation');
  });
});
