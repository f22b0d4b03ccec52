/**
 * The report model on the sample corpus with a fact-checker's annotations (see
 * test/support/report-fixture.ts): what each entry carries, the summary, the filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VERDICT_SCALE, type AnchoredAnnotation } from '../../../../shared/domain/annotation';
import type { Article } from '../../../../shared/domain/article';
import { Report, NO_VERDICT, type ReportFilter } from '../../../../shared/domain/report';
import { buildReport } from '../../../../shared/report/build';
import { ARTICLES, FIXED_NOW, makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

let fixture: ReportFixture;
beforeAll(async () => {
  fixture = await makeReportFixture();
}, 60_000);
afterAll(() => fixture?.dispose());

const entry = (quote: string) => {
  const found = fixture.report.articles.flatMap((a) => a.entries).find((e) => e.quote === quote);
  if (!found) throw new Error(`no entry quoting ${quote}`);
  return found;
};

describe('buildReport', () => {
  it('is a valid Report, dated and signed from the settings', () => {
    const report = Report.parse(fixture.report);
    expect(report.generated).toBe(FIXED_NOW.toISOString());
    expect(report.author).toBe('Dara Sok');
    expect(report.organisation).toBe('Mekong Fact Desk');
    expect(report.title).toBe('Fact-check report: sample-corpus');
    expect(report.generator).toBe('Reckon 0.1.0');
  });

  it('sums up claims, verdicts, discrepancies and orphans', () => {
    const { summary } = fixture.report;
    expect(summary).toMatchObject({ articles: 5, annotations: 8, claimsChecked: 7, noVerdict: 1, orphans: 1 });
    expect(summary.claims).toBeGreaterThan(50);
    expect(summary.discrepancies).toBeGreaterThan(0);
    expect(summary.verdicts.map((v) => [v.id, v.count])).toEqual([
      ['accurate', 2],
      ['mostly-accurate', 1],
      ['needs-context', 1],
      ['misleading', 1],
      ['inaccurate', 1],
      ['unverifiable', 1],
    ]);
    // Every article is in the appendix; only annotated ones get a section.
    expect(fixture.report.sources.map((s) => s.id)).toEqual(Object.values(ARTICLES).sort());
    expect(fixture.report.articles.map((a) => a.source.id)).toEqual(Object.values(ARTICLES).sort());
    expect(fixture.report.sources[0]!.urn).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
  });

  it('puts each annotated claim in context with the other sources and its arithmetic', () => {
    const forty = entry('40,000');
    expect(forty.verdict?.label).toBe('Mostly accurate');
    expect(forty.claim?.quantity).not.toBe('');
    expect(forty.context.before).toMatch(/there are $/);
    expect(forty.context.after).toMatch(/^ prisoners in detention/);
    const agreeing = forty.links.filter((l) => l.relation.kind === 'agrees').map((l) => l.text);
    expect(agreeing).toEqual(expect.arrayContaining(['over 38,990', 'some 39,000']));
    expect(forty.evidence.map((e) => e.kind)).toEqual(['claim', 'url']);
    expect(forty.evidence[0]!.label).toMatch(/^over 38,990 in “/);

    const nineteen = entry('19 percent');
    expect(nineteen.checks).toEqual([expect.objectContaining({ kind: 'percent-change', verdict: 'consistent', subject: true })]);
    expect(nineteen.checks[0]!.formula).toContain('8,018');
  });

  it('shows a changed figure old and new, and keeps an orphan with its stored words, last', () => {
    const changed = entry('750 kilogrammes');
    expect(changed).toMatchObject({ anchor: 'changed', originalQuote: '720 kilogrammes' });
    const rehab = fixture.report.articles.find((a) => a.source.id === ARTICLES.rehab)!;
    const orphan = rehab.entries.at(-1)!;
    expect(orphan).toMatchObject({ anchor: 'orphan', start: null, end: null, claim: null, verdict: expect.objectContaining({ id: 'needs-context' }) });
    expect(orphan.quote).toMatch(/^He described overcrowding/);
    expect(orphan.context.before).not.toMatch(/\n/);
    expect(rehab.entries[0]!.anchor).toBe('anchored');
  });

  it('orders entries as in the text', () => {
    for (const article of fixture.report.articles) {
      const starts = article.entries.filter((e) => e.start !== null).map((e) => e.start!);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('reports only the chosen articles', () => {
    const report = fixture.reportFor({ articleIds: [ARTICLES.drugs] });
    expect(report.sources.map((s) => s.id)).toEqual([ARTICLES.drugs]);
    expect(report.summary.annotations).toBe(2);
    expect(report.summary.claims).toBe(report.articles[0]!.claims.length);
    expect(report.filter).toEqual({ articleIds: [ARTICLES.drugs] });
  });

  it('reports only the chosen verdicts, "none" meaning no verdict', () => {
    const report = fixture.reportFor({ verdicts: ['accurate', NO_VERDICT] });
    const entries = report.articles.flatMap((a) => a.entries);
    expect(entries.map((e) => e.verdict?.id ?? NO_VERDICT).sort()).toEqual(['accurate', 'accurate', NO_VERDICT]);
    expect(report.summary.annotations).toBe(3);
    // Counts of claims and sources still cover every article chosen.
    expect(report.summary.articles).toBe(5);
  });

  it('counts annotations on articles no longer in the folder, rather than dropping them without a word', async () => {
    const { corpusReport } = await import('../../../../main/report/corpus-report');
    const { crossCheckCorpus } = await import('../../../../main/crosscheck');
    const corpus = fixture.backend.current()!;
    const settings = await fixture.backend.getSettings({});
    const gone = { ...fixture.annotations[0]!, id: '00000000-0000-4000-8000-0000000000ff', target: { ...fixture.annotations[0]!.target, articleId: 'deleted.txt' }, anchor: { state: 'orphan' as const } };
    const report = (filter: ReportFilter) =>
      corpusReport({ corpus, checker: crossCheckCorpus(corpus), annotations: [...fixture.annotations, gone], settings, filter, now: FIXED_NOW, version: '0' });
    expect(report({}).summary).toMatchObject({ annotations: 8, missingArticle: 1 });
    expect(report({ verdicts: ['accurate'] }).summary.missingArticle).toBe(0);
    // A choice of articles names articles that exist: the missing one is not part of it.
    expect(report({ articleIds: [ARTICLES.drugs] }).summary.missingArticle).toBe(0);
    expect(fixture.report.summary.missingArticle).toBe(0);
  });

  it('refuses an article that is not in the corpus, naming it', () => {
    expect(() => fixture.reportFor({ articleIds: ['nope.txt'] })).toThrow(/nope\.txt/);
  });

  it('keeps a verdict that is no longer on the scale, under its id', async () => {
    await fixture.backend.updateSettings({
      verdictScale: [
        { id: 'true', label: 'True', rating: 2 },
        { id: 'false', label: 'False', rating: 1 },
      ],
    });
    try {
      const settings = await fixture.backend.getSettings({});
      expect(settings.verdictScale).toHaveLength(2);
      const { corpusReport } = await import('../../../../main/report/corpus-report');
      const { crossCheckCorpus } = await import('../../../../main/crosscheck');
      const corpus = fixture.backend.current()!;
      const report = corpusReport({ corpus, checker: crossCheckCorpus(corpus), annotations: fixture.annotations, settings, filter: {}, now: FIXED_NOW, version: '0' });
      const forty = report.articles.flatMap((a) => a.entries).find((e) => e.quote === '40,000')!;
      expect(forty.verdict).toEqual({ id: 'mostly-accurate', label: 'mostly-accurate', rating: 1 });
      expect(report.summary.verdicts.map((v) => v.id)).toEqual(['true', 'false']);
    } finally {
      await fixture.backend.updateSettings({ verdictScale: fixture.report.verdictScale });
    }
  });
});

describe('buildReport: context of long sentences', () => {
  /** A one-article corpus holding `text`, annotated at `quote`; no detected claims. */
  function contextOf(text: string, quote: string) {
    const start = text.indexOf(quote);
    const article: Article = {
      id: 'a.txt',
      title: 'A',
      publisher: null,
      byline: null,
      date: { iso: '2026-11-02', source: 'mtime' },
      format: 'txt',
      bytes: text.length,
      chars: text.length,
      hash: 'c'.repeat(64),
      text,
    };
    const annotation: AnchoredAnnotation = {
      id: '00000000-0000-4000-8000-000000000001',
      target: {
        articleId: 'a.txt',
        contentHash: article.hash,
        position: { type: 'TextPositionSelector', start, end: start + quote.length },
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      },
      anchor: { state: 'anchored', start, end: start + quote.length },
      verdict: null,
      note: '',
      tags: [],
      evidence: [],
      created: FIXED_NOW.toISOString(),
      modified: FIXED_NOW.toISOString(),
    };
    const { text: _text, ...summary } = article;
    const report = buildReport({
      corpusName: 'c',
      articles: [summary],
      getArticle: () => article,
      annotations: [annotation],
      // No detected claims, so neither links nor checks are asked for.
      checker: { marks: () => [], linksFor: () => expect.unreachable(), checks: () => [] },
      settings: { author: '', organisation: '', baseUrl: '', verdictScale: DEFAULT_VERDICT_SCALE },
      filter: {},
      generated: FIXED_NOW,
      generator: 'Reckon 0',
    });
    return report.articles[0]!.entries[0]!.context;
  }

  it('cuts a long sentence between words, marking each cut', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const context = contextOf(`${words(60)} 38,990 ${words(60)}.`, '38,990');
    expect(context.before).toMatch(/^…word\d+ .* word59 $/);
    expect(context.after).toMatch(/^ word0 .* word\d+…$/);
    expect(context.before.length).toBeLessThanOrEqual(161);
    expect(context.after.length).toBeLessThanOrEqual(161);
  });

  it('cuts text written without spaces at the length, whole characters kept, and marks only real cuts', () => {
    const han = '监狱人口'.repeat(100);
    const emoji = '🎉'.repeat(100);
    const context = contextOf(`${han}共有38990名${emoji}。`, '38990');
    expect(context.before).toBe(`…${`${han}共有`.slice(-160)}`);
    expect(context.after.length).toBeLessThanOrEqual(161);
    expect(context.after.endsWith('…')).toBe(true);
    expect(context.after).toMatch(/^名(🎉)+…$/u);
    const short = contextOf('据报道共有38990名囚犯。', '38990');
    expect(short).toEqual({ before: '据报道共有', after: '名囚犯。' });
  });
});
