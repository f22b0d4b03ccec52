import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, excerpt, renderReportHtml } from '../../../../shared/report/html';
import { formatSourceDate } from '../../../../shared/report/words';
import { REPORT_STYLESHEET, REPORT_STYLE_HASH } from '../../../../shared/report/html-style';
import { expectGolden } from '../../../support/golden';
import { makeReportFixture } from '../../../support/report-fixture';
import { entry, reportWith, source } from './builders';

/** The text between `<body>` and `</body>`: what the report says, without the stylesheet. */
const bodyOf = (html: string): string => html.slice(html.indexOf('<body>'), html.indexOf('</body>'));

describe('renderReportHtml on the sample corpus', () => {
  let fixture: Awaited<ReturnType<typeof makeReportFixture>>;
  let html: string;
  beforeAll(async () => {
    fixture = await makeReportFixture();
    html = renderReportHtml(fixture.report);
  });
  afterAll(() => fixture?.dispose());

  it('matches the golden file', () => {
    expectGolden('report/sample.html', html);
  });

  it('puts every annotated article on a new page when printed', () => {
    const articles = html.match(/<article class="report-article"/g) ?? [];
    expect(articles).toHaveLength(fixture.report.articles.length);
    expect(fixture.report.articles.length).toBeGreaterThan(1);
    expect(REPORT_STYLESHEET).toMatch(/@media print \{[^]*\.report-article, \.appendix \{[^}]*break-before: page;/);
  });

  it('shows each annotation, with its figure marked', () => {
    const entries = fixture.report.articles.flatMap((a) => a.entries);
    expect(html.match(/<section class="entry[ "]/g)).toHaveLength(entries.length);
    for (const e of entries.filter((x) => x.anchor !== 'orphan')) expect(html).toContain(`<mark>${escapeHtml(e.quote)}</mark>`);
  });
});

describe('renderReportHtml: self-contained and safe', () => {
  const html = renderReportHtml(
    reportWith([
      entry({
        note: 'First paragraph with <script>alert(1)</script> & "quotes".\n\nSecond paragraph,\nwith a line break.',
        tags: ['<b>tag</b>'],
        evidence: [
          { kind: 'url', label: 'https://example.org/a?b=1&c=<2>', target: 'https://example.org/a?b=1&c=<2>', ref: null },
          { kind: 'url', label: 'javascript:alert(1)', target: 'javascript:alert(1)', ref: null },
          { kind: 'article', label: 'Other & article', target: 'two.txt', ref: null },
        ],
      }),
    ]),
  );

  it('has one <style>, whose text is the stylesheet, and no other styles, scripts or assets', () => {
    expect(html.match(/<style[\s>]/g)).toHaveLength(1);
    expect(html).toContain(`<style>${REPORT_STYLESHEET}</style>`);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\s(src|srcset)\s*=/i);
    expect(REPORT_STYLESHEET).not.toMatch(/url\(|@import|@font-face|https?:/i);
    // The only web address in the file is the evidence link the user gave.
    expect(html.match(/https?:\/\/[^\s"<]+/g)).toEqual(['https://example.org/a?b=1&amp;c=&lt;2&gt;', 'https://example.org/a?b=1&amp;c=&lt;2&gt;']);
  });

  it('escapes user and article text', () => {
    expect(html).toContain('<title>Fact-check report: test</title>');
    expect(html).toContain('Prisons &amp; courts');
    expect(html).not.toContain('Prisons & courts');
    expect(html).toContain('<p dir="auto">First paragraph with &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;.</p>');
    expect(html).toContain('<li>&lt;b&gt;tag&lt;/b&gt;</li>');
    expect(html).toContain('Other &amp; article');
  });

  it('keeps the note’s paragraphs and line breaks', () => {
    expect(html).toContain('<p dir="auto">Second paragraph,<br>\nwith a line break.</p>');
  });

  it('links only http(s) addresses', () => {
    // Its words are the address itself, so print does not repeat it.
    expect(html).toContain('<a class="bare" href="https://example.org/a?b=1&amp;c=&lt;2&gt;">https://example.org/a?b=1&amp;c=&lt;2&gt;</a>');
    expect(html).toContain('javascript:alert(1)');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html.match(/<a [^>]*href="/g)).toHaveLength(2); // the evidence link and the contents entry
  });

  it('carries a CSP that allows exactly its stylesheet, by the hash of its text', () => {
    const recomputed = `sha256-${createHash('sha256').update(REPORT_STYLESHEET, 'utf8').digest('base64')}`;
    expect(
      REPORT_STYLE_HASH,
      `REPORT_STYLESHEET changed: set REPORT_STYLE_HASH in shared/report/html-style.ts to '${recomputed}'`,
    ).toBe(recomputed);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta?.[1]).toBe(`default-src 'none'; style-src '${recomputed}'; img-src data:`);
    // The meta must come before the style it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('keeps the stylesheet free of what would break the hash or the <style> element', () => {
    expect(REPORT_STYLESHEET).toMatch(/^[\x20-\x7e\n]*$/);
    expect(REPORT_STYLESHEET).not.toContain('</');
  });
});

describe('renderReportHtml: anchors, verdicts, dates', () => {
  it('shows an orphan as not found, with the stored quote, and no highlight', () => {
    const html = bodyOf(renderReportHtml(reportWith([entry({ anchor: 'orphan', quote: '27,000', context: { before: '', after: '' }, start: null, end: null })])));
    expect(html).toContain('Could not be found in the current text of the article.');
    expect(html).toContain('<p dir="auto">\u201c27,000\u201d</p>');
    expect(html).not.toContain('<mark>');
  });

  it('lets article and note text written right to left take its own direction', () => {
    const arabic = entry({ quote: '3,500', context: { before: 'قالت الوزارة إن ', after: ' شخص في السجن.' }, note: 'הנתון הוא 3,400.' });
    const src = source({ title: 'السجون مكتظة: 3,500 سجين' });
    const html = bodyOf(renderReportHtml(reportWith([arabic], { articles: [{ source: src, claims: [], discrepancies: 0, entries: [arabic] }], sources: [src] })));
    expect(html).toContain('<blockquote class="context"><p dir="auto">قالت الوزارة إن <mark>3,500</mark> شخص في السجن.</p></blockquote>');
    expect(html).toContain('<div class="note">\n<p dir="auto">הנתון הוא 3,400.</p>\n</div>');
    expect(html).toContain('<h2 id="article-1-title" dir="auto">السجون مكتظة: 3,500 سجين</h2>');
    expect(html).toContain('<a href="#article-1" dir="auto">السجون مكتظة: 3,500 سجين</a>');
    expect(html).toContain('<td dir="auto">السجون مكتظة: 3,500 سجين</td>');
    expect(html).toContain('\u201c<bdi>3,500</bdi>\u201d</h3>');
  });

  it('shows a changed anchor’s old and new text', () => {
    const html = bodyOf(renderReportHtml(reportWith([entry({ anchor: 'changed', quote: '41,000', originalQuote: '40,000' })])));
    expect(html).toContain('<del>40,000</del> is now <ins>41,000</ins>');
    expect(html).toContain('The system holds <mark>41,000</mark> prisoners.');
  });

  it('words every verdict, and counts them in a table readable without colour', () => {
    const html = bodyOf(renderReportHtml(reportWith([entry(), entry({ annotationId: '00000000-0000-4000-8000-000000000002', verdict: null })])));
    expect(html).toContain('<span class="badge verdict-inaccurate badge-large">Inaccurate</span>');
    expect(html).toContain('<span class="badge verdict-none badge-large">No verdict</span>');
    expect(html).toMatch(/<tr><td><span class="badge verdict-inaccurate">Inaccurate<\/span><\/td><td class="num">2<\/td><td class="num">1<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td><span class="badge verdict-none">No verdict<\/span><\/td><td class="num"><\/td><td class="num">1<\/td><\/tr>/);
  });

  it('gives a custom verdict its word on a neutral badge', () => {
    const custom = { id: 'pants-on-fire', label: 'Pants <on> fire', rating: 1 };
    const html = bodyOf(renderReportHtml(reportWith([entry({ verdict: custom })])));
    expect(html).toContain('<span class="badge badge-large">Pants &lt;on&gt; fire</span>');
  });

  it('dates sources as the text gives them', () => {
    expect(formatSourceDate({ iso: '2020-07-23', source: 'text' })).toBe('23 Jul 2020');
    expect(formatSourceDate({ iso: '2021-11-15', source: 'text', yearInferred: true })).toBe('15 Nov');
    expect(formatSourceDate({ iso: '2024-03-12', source: 'mtime' })).toBe('12 Mar 2024 (date from file)');
    const html = bodyOf(renderReportHtml(reportWith([entry()], { sources: [source({ date: { iso: '2024-03-12', source: 'mtime' } })] })));
    expect(html).toContain('<td>12 Mar 2024 (date from file)</td>');
  });

  it('says when nothing matches the selection, and what the selection was', () => {
    const html = bodyOf(
      renderReportHtml(reportWith([], { articles: [], filter: { articleIds: ['one.txt', 'two.txt'], verdicts: ['inaccurate', 'none'] } })),
    );
    expect(html).toContain('<dt>Selection</dt><dd>2 chosen articles; verdicts: Inaccurate, No verdict</dd>');
    expect(html).toContain('No annotated article matches this selection.');
    expect(html).not.toContain('<article');
    expect(html).toContain('<section class="appendix"');
  });

  it('lists every source in the appendix with its file id and sha256', () => {
    const second = source({ id: 'two.txt', title: 'Unannotated', hash: 'b'.repeat(64) });
    const html = bodyOf(renderReportHtml(reportWith([entry()], { sources: [source(), second] })));
    const appendix = html.slice(html.indexOf('<section class="appendix"'));
    expect(appendix).toContain('<td class="file">two.txt</td><td class="hash">' + 'b'.repeat(64) + '</td>');
    expect(appendix).toContain('<td class="file">one.txt</td>');
  });
});

describe('excerpt', () => {
  const sentence = 'Cambodia’s prison population has risen from 21,900 at the end of 2016 to over 38,990 in March 2020, despite the fact that Cambodia’s prisons have an estimated capacity of just 26,593.';

  it('keeps a short sentence whole', () => {
    expect(excerpt('Some 39,000 inmates.', '39,000')).toBe('Some 39,000 inmates.');
  });

  it('cuts a long one between words, around the figure', () => {
    const cut = excerpt(sentence, '38,990', 80);
    expect(cut).toBe('…21,900 at the end of 2016 to over 38,990 in March 2020, despite the fact that…');
    expect(cut.length).toBeLessThanOrEqual(82);
  });

  it('cuts text without spaces where it falls, but never inside a character', () => {
    const emoji = '🎉'.repeat(60);
    for (const max of [60, 61, 62, 63]) {
      const cut = excerpt(`${emoji}共有38990名${emoji}`, '38990', max);
      expect(cut).toContain('38990');
      // A lone surrogate is what a cut inside an emoji leaves.
      expect(cut, `max ${max}`).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('starts at the beginning when the figure is near it', () => {
    expect(excerpt(sentence, '21,900', 120)).toBe('Cambodia’s prison population has risen from 21,900 at the end of 2016 to over 38,990 in March 2020, despite the fact…');
  });
});

describe('renderReportHtml: annotations on missing articles', () => {
  it('says how many annotations are on articles no longer in the folder', () => {
    const base = reportWith([entry()]);
    expect(renderReportHtml(base)).not.toContain('no longer in this folder');
    const html = renderReportHtml({ ...base, summary: { ...base.summary, missingArticle: 2 } });
    expect(html).toContain('2 annotations are on articles no longer in this folder');
  });
});
