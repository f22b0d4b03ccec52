/**
 * The sample corpus against the hand-labelled gold (test/fixtures/gold/seeds-gold.json):
 * every `quantities` group linked with the expected relation, every `arithmetic` entry
 * recomputed with the expected verdict, and no `inconsistent` verdict anywhere.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../../../main/corpus';
import type { Corpus } from '../../../../main/corpus/types';
import { crossCheckArticles } from '../../../../main/crosscheck';
import { createCrossChecker, type CrossCheckArticle, type CrossChecker } from '../../../../shared/crosscheck';
import type { ClaimRef, RelationKind } from '../../../../shared/domain/crosscheck';

interface Gold {
  quantities: Array<{ name: string; members: Array<[string, string]>; expect: string }>;
  arithmetic: Array<{ article: string; claim: string; inputs: string[]; computed: number; expect: string }>;
}
const gold = JSON.parse(readFileSync(resolve('test/fixtures/gold/seeds-gold.json'), 'utf8')) as Gold;

let cache: string;
let corpus: Corpus;
let articles: CrossCheckArticle[];
let checker: CrossChecker;

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'reckon-gold-'));
  corpus = await openCorpus(resolve('resources/sample-corpus'), { cacheDir: cache });
  articles = crossCheckArticles(corpus);
  checker = createCrossChecker(articles);
});
afterAll(async () => {
  await corpus.close();
  rmSync(cache, { recursive: true, force: true });
});

/** The claim a gold surface names: the claim whose text contains it, or that it contains ("27 political, environmental" → "27"). */
function find(articleId: string, surface: string): ClaimRef {
  const article = articles.find((a) => a.summary.id === articleId)!;
  const at = article.text.indexOf(surface);
  expect(at, `${surface} in ${articleId}`).toBeGreaterThanOrEqual(0);
  const claim = article.claims.find((c) => c.start <= at + surface.length && c.end > at && (surface.includes(c.text) || c.text.includes(surface.split(' ')[0]!)));
  expect(claim, `a claim at "${surface}" in ${articleId}`).toBeDefined();
  return { articleId, start: claim!.start, end: claim!.end };
}

function relationBetween(a: ClaimRef, b: ClaimRef): RelationKind | null {
  const link = checker.linksFor(a).links.find((l) => l.to.ref.articleId === b.articleId && l.to.ref.start === b.start);
  return link?.relation.kind ?? null;
}

const group = (name: string) => gold.quantities.find((q) => q.name === name)!.members.map(([file, surface]) => find(file, surface));

describe('gold quantities', () => {
  it('prison population: 40,000, over 38,990 and some 39,000 agree; 21,900 (end of 2016) is another time in the same series', () => {
    const [forty, over38990, twentyOne, some39000] = group('prison population') as [ClaimRef, ClaimRef, ClaimRef, ClaimRef];
    expect(relationBetween(forty, over38990)).toBe('agrees');
    expect(relationBetween(forty, some39000)).toBe('agrees');
    expect(relationBetween(over38990, some39000)).toBe('agrees');
    expect(relationBetween(twentyOne, over38990)).toBe('other-time');
    expect(relationBetween(twentyOne, some39000)).toBe('other-time');
    // Relations read the same from either end.
    expect(relationBetween(some39000, forty)).toBe('agrees');
    const links = checker.linksFor(forty);
    const series = checker.series(links.quantityId!);
    const texts = series.points.map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['40,000', 'over 38,990', '21,900', 'some 39,000']));
    // Oldest first: the end of 2016 leads.
    expect(series.points[0]!.text).toBe('21,900');
    // The promised release of 10,000 prisoners is another quantity: not in the population's series.
    expect(texts).not.toContain('10,000');
  });

  it('prison capacity: 26,593 and 27,000 agree', () => {
    const [a, b] = group('prison capacity') as [ClaimRef, ClaimRef];
    expect(relationBetween(a, b)).toBe('agrees');
    expect(relationBetween(b, a)).toBe('agrees');
  });

  it('share not yet tried: almost 75% vs more than 35 percent is flagged', () => {
    const [a, b] = group('share of detainees not yet tried') as [ClaimRef, ClaimRef];
    expect(relationBetween(a, b)).toBe('differs');
    expect(checker.marks(a.articleId).find((m) => m.claim.start === a.start)!.discrepancy).toBe(true);
  });

  it('drug cases per year: 9,572, 8,018 and 5,974 are a series (2019, 2018, 2021), not a conflict', () => {
    const [n9572, n8018, n5974] = group('drug cases per year') as [ClaimRef, ClaimRef, ClaimRef];
    expect(relationBetween(n9572, n8018)).toBe('other-time');
    expect(relationBetween(n9572, n5974)).toBe('other-time');
    expect(relationBetween(n8018, n5974)).toBe('other-time');
    const series = checker.series(checker.linksFor(n5974).quantityId!);
    expect(series.points.map((p) => p.text)).toEqual(['8,018', '9,572', '5,974']);
    expect(series.points.map((p) => p.time.from?.slice(0, 4))).toEqual(['2018', '2019', '2021']);
  });

  it('drugs seized: kilogrammes and tonnes are linked in kg, over different periods, never flagged', () => {
    const [kg720, kg3554, tonnes] = group('drugs seized') as [ClaimRef, ClaimRef, ClaimRef];
    for (const [a, b] of [[kg720, kg3554], [kg720, tonnes], [kg3554, tonnes]] as const) {
      const relation = relationBetween(a, b);
      expect(relation, `${a.start}↔${b.start}`).not.toBeNull();
      expect(['other-time', 'related']).toContain(relation);
    }
  });

  it('activists released in November 2021: 27 vs 26 is flagged within the article', () => {
    const [n27, n26] = group('activists released in November 2021') as [ClaimRef, ClaimRef];
    expect(n27.articleId).toBe(n26.articleId);
    expect(relationBetween(n27, n26)).toBe('differs');
    const link = checker.linksFor(n26).links.find((l) => l.to.ref.start === n27.start)!;
    expect(link.relation.gap!.absolute).toBe(1);
    expect(link.relation.sentence).toMatch(/differ by 3\.7%/);
  });

  it('prisoners promised release: the headline 10,000 PRISONERS and up to 10,000 agree', () => {
    const [a, b] = group('prisoners promised release') as [ClaimRef, ClaimRef];
    expect(relationBetween(a, b)).toBe('agrees');
  });

  it('flags nothing else on the sample corpus: the only discrepancies are 75% vs 35% and 26 vs the 27s', () => {
    const report = checker.report('sample');
    const flagged = new Set(report.links.flatMap((e) => e.links.filter((l) => l.relation.kind === 'differs').map(() => e.ref)).map((r) => `${r.articleId.slice(0, 3)} ${articles.find((a) => a.summary.id === r.articleId)!.claims.find((c) => c.start === r.start)!.text}`));
    expect([...flagged].sort()).toEqual(['003 almost 75%', '004 26', '004 27', '004 more than 35 percent']);
  });
});

describe('gold arithmetic', () => {
  for (const entry of gold.arithmetic) {
    it(`${entry.article.slice(0, 3)} "${entry.claim}" from ${entry.inputs.join(', ')}: ${entry.expect}`, () => {
      const subject = find(entry.article, entry.claim);
      const inputs = entry.inputs.map((s) => find(entry.article, s));
      const check = checker.checks(entry.article).find((c) => c.subject.start === subject.start && inputs.every((i) => c.inputs.some((r) => r.start === i.start)));
      expect(check, `a check of "${entry.claim}"`).toBeDefined();
      expect(check!.verdict).toBe(entry.expect.split(':')[0]);
      expect(check!.computed).toBeCloseTo(entry.computed, entry.computed > 1000 ? -3 : 1);
    });
  }

  it('no inconsistent verdict on the sample corpus', () => {
    const inconsistent = articles.flatMap((a) => checker.checks(a.summary.id)).filter((c) => c.verdict === 'inconsistent');
    expect(inconsistent.map((c) => c.sentence)).toEqual([]);
  });
});
