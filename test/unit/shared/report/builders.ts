/**
 * Hand-made report pieces for the renderers' tests: a source, an entry, a link, and a
 * one-article report around some entries, each with overrides for the case at hand.
 */
import { DEFAULT_VERDICT_SCALE } from '../../../../shared/domain/annotation';
import { REPORT_SCHEMA_VERSION, type Report, type ReportEntry, type ReportLink, type ReportSource } from '../../../../shared/domain/report';

export const HASH = 'a'.repeat(64);

export function source(overrides: Partial<ReportSource> = {}): ReportSource {
  return {
    id: 'one.txt',
    title: 'Prisons & courts',
    publisher: 'The Daily',
    byline: 'By A. Writer',
    date: { iso: '2020-07-23', source: 'text', surface: '23 July 2020' },
    format: 'txt',
    hash: HASH,
    urn: `urn:sha256:${HASH}`,
    ...overrides,
  };
}

export function entry(overrides: Partial<ReportEntry> = {}): ReportEntry {
  return {
    annotationId: '00000000-0000-4000-8000-000000000001',
    articleId: 'one.txt',
    target: {
      articleId: 'one.txt',
      contentHash: HASH,
      position: { type: 'TextPositionSelector', start: 17, end: 23 },
      quote: { type: 'TextQuoteSelector', exact: '40,000', prefix: 'holds ', suffix: ' prisoners' },
    },
    anchor: 'anchored',
    quote: '40,000',
    originalQuote: null,
    context: { before: 'The system holds ', after: ' prisoners.' },
    start: 17,
    end: 23,
    verdict: DEFAULT_VERDICT_SCALE[4]!,
    note: '',
    tags: [],
    evidence: [],
    created: '2026-01-02T03:04:05.000Z',
    modified: '2026-01-02T03:04:05.000Z',
    claim: null,
    links: [],
    checks: [],
    ...overrides,
  };
}

export function link(overrides: Partial<ReportLink> = {}): ReportLink {
  return {
    ref: { articleId: 'two.txt', start: 0, end: 6 },
    sourceTitle: 'Another paper',
    sourceDate: '2020-03-05',
    text: '38,990',
    context: 'There were 38,990 prisoners.',
    time: { label: 'March 2020', basis: 'stated', from: '2020-03-01', to: '2020-03-31' },
    score: 0.9,
    relation: { kind: 'differs', gap: { absolute: 1010, percent: 2.5 }, difference: 2.5, sentence: 'They differ.' },
    ...overrides,
  };
}

/** A one-article report (the article of `source()`) around the given entries, its summary counted from them. */
export function reportWith(entries: ReportEntry[], overrides: Partial<Report> = {}): Report {
  const src = source();
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: 'Reckon 0.1.0',
    title: 'Fact-check report: test',
    corpusName: 'test',
    generated: '2026-11-21T14:05:09.000Z',
    author: 'A. Checker',
    organisation: 'Desk',
    baseUrl: '',
    filter: {},
    verdictScale: DEFAULT_VERDICT_SCALE,
    summary: {
      articles: 1,
      claims: 3,
      annotations: entries.length,
      claimsChecked: entries.filter((e) => e.verdict).length,
      verdicts: DEFAULT_VERDICT_SCALE.map((v) => ({ ...v, count: entries.filter((e) => e.verdict?.id === v.id).length })),
      noVerdict: entries.filter((e) => !e.verdict).length,
      discrepancies: 0,
      orphans: entries.filter((e) => e.anchor === 'orphan').length,
      missingArticle: 0,
    },
    articles: [{ source: src, claims: [], discrepancies: 0, entries }],
    sources: [src],
    ...overrides,
  };
}
