/**
 * Cross-checking at scale: on 10,000 generated articles, the links of one claim (p50/p95
 * over a sample of claims, target p95 < 20 ms) against a brute-force baseline that scores
 * every claim of the same dimension, measured in the same run; and the whole folder's
 * check (every claim's links, the series and the arithmetic: what `reckon check` computes).
 */
import { extractClaims } from '../../shared/claims';
import { createCrossChecker, type CrossCheckArticle } from '../../shared/crosscheck';
import type { ArticleSummary } from '../../shared/domain/article';
import { articleFeatures } from '../../shared/crosscheck/features';
import { LinkIndex } from '../../shared/crosscheck/link';
import { generateCorpus } from './news-generator';
import { percentile, type BenchSection } from './types';

const ARTICLES = Number(process.env.RECKON_BENCH_XC_ARTICLES ?? 10_000);
const SAMPLE = 300;
const TARGET_P95_MS = 20;

function summaryOf(id: string, text: string): ArticleSummary {
  return {
    id,
    title: text.slice(0, text.indexOf('\n')),
    publisher: null,
    byline: null,
    date: { iso: '2021-11-20', source: 'text' },
    format: 'txt',
    bytes: text.length,
    chars: text.length,
    hash: '0'.repeat(64),
  };
}

export async function runCrosscheckBench(): Promise<BenchSection> {
  const t0 = performance.now();
  const articles: CrossCheckArticle[] = generateCorpus(ARTICLES, 7).map(({ name, text }) => ({
    summary: summaryOf(name, text),
    text,
    claims: extractClaims(text, { documentDate: '2021-11-20' }),
  }));
  const extractMs = performance.now() - t0;
  const claims = articles.reduce((n, a) => n + a.claims.length, 0);

  const t1 = performance.now();
  const checker = createCrossChecker(articles);
  // The index is built lazily with the first query.
  const firstRef = { articleId: articles[0]!.summary.id, start: articles[0]!.claims[0]!.start, end: articles[0]!.claims[0]!.end };
  checker.linksFor(firstRef);
  const buildMs = performance.now() - t1;

  // Every SAMPLE-th claim across the corpus, so all kinds and sizes are represented.
  const refs = articles.flatMap((a) => a.claims.map((c) => ({ articleId: a.summary.id, start: c.start, end: c.end })));
  const step = Math.max(1, Math.floor(refs.length / SAMPLE));
  const sample = refs.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const times: number[] = [];
  let links = 0;
  for (const ref of sample) {
    const began = performance.now();
    links += checker.linksFor(ref).links.length;
    times.push(performance.now() - began);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);

  // Baseline: the same scorer run against every claim of the same dimension (no inverted index).
  const features = articles.flatMap((a, i, all) => articleFeatures(a, all.slice(0, i).reduce((n, b) => n + b.claims.length, 0)));
  const index = new LinkIndex(features);
  const bruteTimes: number[] = [];
  for (let k = 0; k < features.length && bruteTimes.length < 40; k += Math.floor(features.length / 40)) {
    const f = features[k]!;
    const began = performance.now();
    for (const other of features) if (other.dimension === f.dimension && other !== f) index.score(f, other);
    bruteTimes.push(performance.now() - began);
  }
  const bruteP50 = percentile(bruteTimes, 50);

  // RECKON_BENCH_XC_REPORT=0 skips the whole-folder check (minutes at 10,000 articles) for a quick look at latency.
  const withReport = process.env.RECKON_BENCH_XC_REPORT !== '0';
  const t2 = performance.now();
  const report = withReport ? createCrossChecker(articles).report('bench') : null;
  const reportMs = performance.now() - t2;

  return {
    title: `Cross-checking (${ARTICLES.toLocaleString('en-US')} generated articles, ${claims.toLocaleString('en-US')} claims)`,
    rows: [
      { name: 'claim extraction, whole folder', value: Math.round(extractMs), unit: 'ms' },
      { name: 'link index build', value: Math.round(buildMs), unit: 'ms' },
      { name: 'links of one claim, p50', value: round(p50), unit: 'ms', note: `${sample.length} claims, ${(links / sample.length).toFixed(1)} links each on average` },
      { name: 'links of one claim, p95', value: round(p95), unit: 'ms', target: `< ${TARGET_P95_MS} ms`, pass: p95 < TARGET_P95_MS },
      { name: 'brute force (every claim of the dimension), p50', value: round(bruteP50), unit: 'ms', note: `baseline, same run: the index is ${round(bruteP50 / Math.max(0.001, p50))}× faster at p50` },
      ...(report
        ? [{ name: 'whole-folder check (reckon check)', value: Math.round(reportMs + extractMs), unit: 'ms', note: `claims ${Math.round(extractMs)} ms + links, series and arithmetic ${Math.round(reportMs)} ms; ${report.stats.links} links, ${report.series.length} series, ${report.checks.length} checks, ${report.stats.discrepancies} discrepancies` }]
        : []),
    ],
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;
